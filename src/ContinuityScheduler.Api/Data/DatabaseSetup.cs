using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ContinuityScheduler.Api.Data;

/// <summary>Chooses SQLite (the embedded default) or PostgreSQL from the connection string.</summary>
public static class DatabaseSetup
{
    public static void Configure(DbContextOptionsBuilder builder, ServiceOptions options)
    {
        if (options.UsesPostgres)
        {
            builder.UseNpgsql(options.ConnectionString);
        }
        else
        {
            var connection = options.ConnectionString;
            if (string.IsNullOrWhiteSpace(connection))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(options.DatabaseFile)!);
                connection = $"Data Source={options.DatabaseFile}";
            }

            builder.UseSqlite(connection);
        }

        // The migrations are hand-written without a model snapshot, so EF cannot compare them with the model.
        builder.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }
}
