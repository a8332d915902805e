using Microsoft.Data.Sqlite;
using Npgsql;

namespace ContinuityScheduler.Api.Tests;

/// <summary>
/// Where a service under test keeps its data: its own folder and, when CONTINUITY_TEST_POSTGRES names a PostgreSQL server
/// (test.sh starts one for the suite's second run), its own database there, named after the folder, so a restart on the
/// same folder finds the same data.
/// </summary>
public static class TestStore
{
    public const string ServerVariable = "CONTINUITY_TEST_POSTGRES";

    public static string? Server => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server ? server : null;

    public static bool OnPostgres => Server is not null;

    public static string NewFolder()
    {
        var folder = Directory.CreateTempSubdirectory("continuity-api-").FullName;
        if (Server is { } server)
        {
            using var connection = new NpgsqlConnection(server);
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE \"{DatabaseName(folder)}\"", connection);
            command.ExecuteNonQuery();
        }

        return folder;
    }

    /// <summary>The service's connection string for the folder: its PostgreSQL database, or null for the SQLite file in the folder.</summary>
    public static string? ConnectionString(string folder) =>
        Server is { } server ? new NpgsqlConnectionStringBuilder(server) { Database = DatabaseName(folder) }.ConnectionString : null;

    /// <summary>Runs a test on a new store and deletes it afterwards, whatever the test did.</summary>
    public static async Task InFolderAsync(Func<string, Task> test)
    {
        var folder = NewFolder();
        try
        {
            await test(folder);
        }
        finally
        {
            Delete(folder);
        }
    }

    public static void Delete(string folder)
    {
        SqliteConnection.ClearAllPools();
        if (Server is { } server)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(server);
            connection.Open();
            using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{DatabaseName(folder)}\" WITH (FORCE)", connection);
            command.ExecuteNonQuery();
        }

        Directory.Delete(folder, recursive: true);
    }

    private static string DatabaseName(string folder) => "continuity_" + Path.GetFileName(folder).Replace("continuity-api-", "", StringComparison.Ordinal).ToLowerInvariant();
}
