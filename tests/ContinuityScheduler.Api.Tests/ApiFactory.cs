using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ContinuityScheduler.Api.Tests;

/// <summary>The service in-process on its own store (TestStore); a second factory on the same folder is a restart.</summary>
public sealed class ApiFactory(string dataFolder, IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    public const string AdminKey = "test-admin-key";

    public ApiFactory(IReadOnlyDictionary<string, string>? settings = null)
        : this(NewFolder(), settings)
    {
    }

    public string DataFolder { get; } = dataFolder;

    public static string NewFolder() => TestStore.NewFolder();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ContinuityScheduler:DataFolder", DataFolder);
        builder.UseSetting("ContinuityScheduler:AdminApiKey", AdminKey);
        builder.UseSetting("ContinuityScheduler:Jobs:Concurrency", "1");
        builder.UseSetting("ContinuityScheduler:Jobs:DefaultTimeLimitSeconds", "10");
        builder.UseSetting("ContinuityScheduler:MaxRequestBodyBytes", "1048576");
        builder.UseSetting("ContinuityScheduler:Demo:Enabled", "false");
        if (TestStore.ConnectionString(DataFolder) is { } connection)
        {
            builder.UseSetting("ContinuityScheduler:ConnectionString", connection);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }

    public HttpClient Admin()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Admin-Key", AdminKey);
        return client;
    }

    /// <summary>Stops the service first (its workers write to the store every heartbeat), then deletes the store.</summary>
    public void DeleteData()
    {
        Dispose();
        TestStore.Delete(DataFolder);
    }
}
