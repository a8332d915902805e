using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using ContinuityScheduler.Testing;

namespace ContinuityScheduler.Api.Tests;

/// <summary>The built service (src/ContinuityScheduler.Api) started as a process on a free loopback port.</summary>
public sealed class ServiceProcess : IDisposable
{
    private readonly Process process;
    private readonly string baseUrl;

    private ServiceProcess(Process process, string baseUrl)
    {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    public static async Task<ServiceProcess> StartAsync(string folder, IReadOnlyDictionary<string, string>? settings = null)
    {
        var configuration = AppContext.BaseDirectory.Contains("/Debug/", StringComparison.Ordinal) ? "Debug" : "Release";
        var output = Path.Combine(RepositoryRoot.Path, "src", "ContinuityScheduler.Api", "bin", configuration, "net10.0");
        var baseUrl = $"http://127.0.0.1:{FreePort()}";
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(output, "ContinuityScheduler.Api.dll"), "--contentRoot", output, "--urls", baseUrl })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["ContinuityScheduler__DataFolder"] = folder;
        if (TestStore.ConnectionString(folder) is { } connection)
        {
            info.Environment["ContinuityScheduler__ConnectionString"] = connection;
        }

        info.Environment["ContinuityScheduler__AdminApiKey"] = ApiFactory.AdminKey;
        info.Environment["ContinuityScheduler__Demo__Enabled"] = "false";
        info.Environment["ContinuityScheduler__Jobs__Concurrency"] = "1";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var service = new ServiceProcess(process, baseUrl);
        using var probe = new HttpClient { BaseAddress = new Uri(baseUrl) };
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                return (await probe.GetAsync("/health")).IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, TimeSpan.FromMinutes(1));
        return service;
    }

    public HttpClient Client(string key)
    {
        var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public HttpClient Admin()
    {
        var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
        client.DefaultRequestHeaders.Add("X-Admin-Key", ApiFactory.AdminKey);
        return client;
    }

    /// <summary>Creates the institution and a key for it, and returns the key.</summary>
    public async Task<string> CreateInstitutionAsync()
    {
        using var admin = Admin();
        var settings = JsonNode.Parse(File.ReadAllText(RepositoryRoot.Sample("small-home")))!["institution"]!;
        (await admin.PostAsync("/api/v1/institutions", Tenant.Json(settings))).StatusCode.Should().Be(HttpStatusCode.Created);
        var key = await admin.PostAsync("/api/v1/institutions/small-home/api-keys", Tenant.Json("""{"label":"crash"}"""));
        return (string)JsonNode.Parse(await key.Content.ReadAsStringAsync())!["key"]!;
    }

    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    /// <summary>Asks the service to stop (SIGTERM), as a process manager does, and waits until it has.</summary>
    public async Task StopAsync()
    {
        if (!process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        }
    }

    public bool HasExited => process.HasExited;

    public void Dispose()
    {
        Kill();
        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
