using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using ContinuityScheduler.Testing;

// Throughput of 1, 2 and 3 service instances on one PostgreSQL database (CONTINUITY_TEST_POSTGRES; benchmarks/cluster.sh
// starts one): the same jobs posted round-robin to all instances at once, timed from the first post to the last finish,
// and each job's wait from its post to its start. Writes benchmarks/reports/cluster-*.md.
var server = Environment.GetEnvironmentVariable("CONTINUITY_TEST_POSTGRES") is { Length: > 0 } s ? s : throw new InvalidOperationException("CONTINUITY_TEST_POSTGRES is not set: run benchmarks/cluster.sh");
var jobs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 30;
var apiDirectory = Path.Combine(RepositoryRoot.Path, "src", "ContinuityScheduler.Api", "bin", "Release", "net10.0");
const string AdminKey = "cluster-benchmark-admin";
var rows = new List<Run>();
var cancels = new List<double>();

foreach (var instances in new[] { 1, 2, 3 })
{
    Console.WriteLine($"{instances} instance(s), {jobs} jobs of small-home, one week each ...");
    var database = $"continuity_cluster_{instances}_{Guid.NewGuid().ToString("N")[..8]}";
    var processes = new List<(Process Process, string Url)>();
    try
    {
        for (var i = 0; i < instances; i++)
        {
            // The first instance creates the database and its schema before the others start.
            processes.Add(await StartAsync(server, database, $"bench-{i + 1}"));
        }

        var clients = processes.Select(p => new HttpClient { BaseAddress = new Uri(p.Url) }).ToList();
        var key = await CreateHomeAsync(clients[0]);
        clients.ForEach(c => c.DefaultRequestHeaders.Add("X-Api-Key", key));
        var body = """{"horizon":{"start":"2026-11-30","weeks":1},"timeLimitSeconds":60}""";
        var posts = await Task.WhenAll(Enumerable.Range(0, jobs).Select(i => clients[i % instances].PostAsync("/api/v1/institutions/small-home/solve-jobs", Json(body))));
        if (posts.Any(p => p.StatusCode != HttpStatusCode.Accepted))
        {
            throw new InvalidOperationException($"A post was refused: {posts.First(p => p.StatusCode != HttpStatusCode.Accepted).StatusCode}");
        }

        var done = new List<JsonNode>();
        foreach (var post in posts)
        {
            done.Add(await Eventually.ValueAsync(async () =>
            {
                var job = JsonNode.Parse(await clients[0].GetStringAsync(post.Headers.Location))!;
                return (string)job["state"]! is "succeeded" or "infeasible" or "failed" or "cancelled" ? job : null;
            }, TimeSpan.FromMinutes(30)));
        }

        var created = done.Select(j => (DateTime)j["createdAt"]!).ToList();
        var started = done.Select(j => (DateTime)j["startedAt"]!).ToList();
        var finished = done.Select(j => (DateTime)j["finishedAt"]!).ToList();
        var makespan = (finished.Max() - created.Min()).TotalSeconds;
        var waits = created.Zip(started, (c, st) => (st - c).TotalSeconds).ToList();
        if (instances == 3)
        {
            cancels.AddRange(await CancelLatenciesAsync(clients, 5));
        }

        rows.Add(new Run(instances, jobs, makespan, jobs / makespan * 60, Percentile(waits, 50), Percentile(waits, 99), done.Count(j => (string)j["state"]! == "succeeded")));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {makespan:0.0} s, {jobs / makespan * 60:0.0} jobs/min"));
    }
    finally
    {
        foreach (var (process, _) in processes)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
}

var baseline = rows[0].JobsPerMinute;
var report = new StringBuilder();
report.AppendLine(CultureInfo.InvariantCulture, $"# Cluster benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
report.AppendLine();
report.AppendLine(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores; one PostgreSQL on loopback; each instance one solve at a time (`Jobs:Concurrency=1`); {jobs} jobs of small-home (one week, 60 s limit; a job ends when proven optimal or at the limit: about 11 s each here) posted round-robin to all instances at once. Wait: from a job's post to its start (both stamped by the database rows).");
report.AppendLine();
report.AppendLine("| instances | jobs | succeeded | first post to last finish (s) | jobs/min | ratio to 1 instance | wait p50 (s) | wait p99 (s) |");
report.AppendLine("|---|---|---|---|---|---|---|---|");
foreach (var row in rows)
{
    report.AppendLine(CultureInfo.InvariantCulture, $"| {row.Instances} | {row.Jobs} | {row.Succeeded} | {row.Makespan:0.0} | {row.JobsPerMinute:0.0} | {row.JobsPerMinute / baseline:0.00} | {row.WaitP50:0.0} | {row.WaitP99:0.0} |");
}

report.AppendLine();
report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Cancellation across instances (3 instances): a running 120 s job cancelled by `DELETE` on an instance that does not run it, {cancels.Count} times: from the answer to the DELETE to the job's `cancelled` state (polled every 50 ms): max {cancels.Max():0.00} s, mean {cancels.Average():0.00} s."));

var reports = Path.Combine(RepositoryRoot.Path, "benchmarks", "reports");
Directory.CreateDirectory(reports);
var file = Path.Combine(reports, $"cluster-{DateTime.UtcNow:yyyyMMdd-HHmm}.md");
File.WriteAllText(file, report.ToString());
Console.WriteLine();
Console.WriteLine(report);
Console.WriteLine($"Report: {file}");

async Task<(Process, string)> StartAsync(string server, string database, string name)
{
    var url = $"http://127.0.0.1:{FreePort()}";
    var start = new ProcessStartInfo("dotnet", [Path.Combine(apiDirectory, "ContinuityScheduler.Api.dll"), "--contentRoot", apiDirectory, "--urls", url])
    {
        RedirectStandardOutput = true,
        RedirectStandardError = true,
    };
    start.Environment["ContinuityScheduler__ConnectionString"] = server.Replace("Database=postgres", $"Database={database}", StringComparison.Ordinal);
    start.Environment["ContinuityScheduler__AdminApiKey"] = AdminKey;
    start.Environment["ContinuityScheduler__Demo__Enabled"] = "false";
    start.Environment["ContinuityScheduler__Jobs__Concurrency"] = "1";
    start.Environment["ContinuityScheduler__Jobs__QueueCapacity"] = "1000";
    start.Environment["ContinuityScheduler__Jobs__InstanceName"] = name;
    start.Environment["ContinuityScheduler__RequestsPerMinute"] = "1000000";
    start.Environment["ContinuityScheduler__RequestsPerMinutePerAddress"] = "1000000";
    start.Environment["Logging__LogLevel__Default"] = "Warning";
    var process = Process.Start(start)!;
    process.OutputDataReceived += (_, _) => { };
    process.ErrorDataReceived += (_, _) => { };
    process.BeginOutputReadLine();
    process.BeginErrorReadLine();
    using var probe = new HttpClient { BaseAddress = new Uri(url) };
    await Eventually.TrueAsync(async () =>
    {
        try
        {
            return (await probe.GetAsync("/health/ready")).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }, TimeSpan.FromMinutes(1));
    return (process, url);
}

static async Task<string> CreateHomeAsync(HttpClient client)
{
    var sample = JsonNode.Parse(File.ReadAllText(RepositoryRoot.Sample("small-home")))!;
    using var admin = new HttpRequestMessage(HttpMethod.Post, "/api/v1/institutions") { Content = Json(sample["institution"]!.ToJsonString()) };
    admin.Headers.Add("X-Admin-Key", AdminKey);
    (await client.SendAsync(admin)).EnsureSuccessStatusCode();
    using var keyRequest = new HttpRequestMessage(HttpMethod.Post, "/api/v1/institutions/small-home/api-keys") { Content = Json("""{"label":"benchmark"}""") };
    keyRequest.Headers.Add("X-Admin-Key", AdminKey);
    var key = (string)JsonNode.Parse(await (await client.SendAsync(keyRequest)).Content.ReadAsStringAsync())!["key"]!;
    using var import = new HttpRequestMessage(HttpMethod.Post, "/api/v1/institutions/small-home/import") { Content = Json(sample.ToJsonString()) };
    import.Headers.Add("X-Api-Key", key);
    (await client.SendAsync(import)).EnsureSuccessStatusCode();
    return key;
}

// Posts a long job, waits until an instance runs it, cancels it through every other instance in turn, and times the cancellation.
static async Task<List<double>> CancelLatenciesAsync(List<HttpClient> clients, int times)
{
    var latencies = new List<double>();
    for (var i = 0; i < times; i++)
    {
        var posted = await clients[0].PostAsync("/api/v1/institutions/small-home/solve-jobs", Json("""{"horizon":{"start":"2026-11-30","weeks":4},"timeLimitSeconds":120}"""));
        var location = posted.Headers.Location!;
        await Eventually.TrueAsync(async () => (string)JsonNode.Parse(await clients[0].GetStringAsync(location))!["state"]! == "running", TimeSpan.FromMinutes(2));
        var runner = await RunnerAsync(clients);
        var other = clients.First(c => c != runner);
        (await other.DeleteAsync(location)).EnsureSuccessStatusCode();
        var clock = Stopwatch.StartNew();
        while ((string)JsonNode.Parse(await other.GetStringAsync(location))!["state"]! != "cancelled")
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(1))
            {
                throw new TimeoutException("A cancellation did not land within a minute.");
            }

            await Task.Delay(50);
        }

        latencies.Add(clock.Elapsed.TotalSeconds);
    }

    return latencies;
}

// The instance that runs a job now, by its readiness report.
static async Task<HttpClient> RunnerAsync(List<HttpClient> clients)
{
    foreach (var client in clients)
    {
        var ready = JsonNode.Parse(await client.GetStringAsync("/health/ready"))!;
        if ((int)ready["checks"]!["workers"]!["data"]!["running"]! > 0)
        {
            return client;
        }
    }

    return clients[^1];
}

static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static double Percentile(List<double> values, double percent)
{
    var sorted = values.Order().ToList();
    return sorted[(int)Math.Ceiling(percent / 100 * sorted.Count) - 1];
}

/// <summary>One configuration's figures.</summary>
internal sealed record Run(int Instances, int Jobs, double Makespan, double JobsPerMinute, double WaitP50, double WaitP99, int Succeeded);
