using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Solver;
using ContinuityScheduler.Testing;

// The service on loopback with the baby-home demo: time from POST solve to a finished job against the same solve called directly,
// and GET /rotas/{id}/continuity latency against GET /health (the HTTP stack alone), in one run. Writes benchmarks/reports/api-*.md.
var solveSeconds = Argument("--solve-seconds", 120);
var requests = Argument("--requests", 1000);
var port = 5190;
var baseUrl = $"http://127.0.0.1:{port}";
var folder = Directory.CreateTempSubdirectory("continuity-api-benchmark-").FullName;
var apiDirectory = Path.Combine(RepositoryRoot.Path, "src", "ContinuityScheduler.Api", "bin", "Release", "net10.0");
const string Key = "benchmark-key";

var start = new ProcessStartInfo("dotnet", [Path.Combine(apiDirectory, "ContinuityScheduler.Api.dll"), "--contentRoot", apiDirectory, "--urls", baseUrl])
{
    RedirectStandardOutput = true,
    RedirectStandardError = true,
    WorkingDirectory = RepositoryRoot.Path,
};
start.Environment["ContinuityScheduler__DataFolder"] = folder;
start.Environment["ContinuityScheduler__Demo__Enabled"] = "true";
start.Environment["ContinuityScheduler__Demo__ApiKey"] = Key;
start.Environment["ContinuityScheduler__Demo__SolveOnFirstStart"] = "false";
start.Environment["Logging__LogLevel__Default"] = "Warning";

// Latency is measured here, not the request budget: lift it past the benchmark's thousands of requests a minute.
start.Environment["ContinuityScheduler__RequestsPerMinute"] = "1000000";
start.Environment["ContinuityScheduler__RequestsPerMinutePerAddress"] = "1000000";
using var service = Process.Start(start)!;
service.OutputDataReceived += (_, _) => { };
service.ErrorDataReceived += (_, _) => { };
service.BeginOutputReadLine();
service.BeginErrorReadLine();
try
{
    using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
    http.DefaultRequestHeaders.Add("X-Api-Key", Key);
    await Eventually.TrueAsync(async () => (await Try(() => http.GetAsync("/health")))?.IsSuccessStatusCode == true, TimeSpan.FromSeconds(60));
    var home = "/api/v1/institutions/baby-home";

    Console.WriteLine($"Solve job: baby-home, 4 weeks, {solveSeconds} s limit ...");
    var clock = Stopwatch.StartNew();
    var posted = await http.PostAsJsonAsync($"{home}/solve-jobs", new { horizon = new { start = "2026-11-30", weeks = 4 }, timeLimitSeconds = solveSeconds });
    posted.EnsureSuccessStatusCode();
    JsonNode job = null!;
    await Eventually.TrueAsync(async () => (string)(job = JsonNode.Parse(await http.GetStringAsync(posted.Headers.Location))!)["state"]! is "succeeded" or "infeasible" or "failed" or "cancelled", TimeSpan.FromSeconds((solveSeconds * 3) + 60));
    var jobSeconds = clock.Elapsed.TotalSeconds;
    var solvedRota = (string?)job["rotaId"];

    // Latency is measured on the hospital-way rota of the same horizon, which exists however the solve went.
    var made = await http.PostAsJsonAsync($"{home}/rotas/hospital-way", new { horizon = new { start = "2026-11-30", weeks = 4 } });
    made.EnsureSuccessStatusCode();
    var rotaId = (string)JsonNode.Parse(await made.Content.ReadAsStringAsync())!["id"]!;

    Console.WriteLine("Baseline: the same problem solved directly with the same options ...");
    var problem = ProblemReader.Read(await http.GetStringAsync($"{home}/rotas/{rotaId}/problem")).Value!;
    clock.Restart();
    var direct = await new RotaSolver(DefaultEngine.Create()).SolveAsync(problem, new SolveOptions { TimeLimit = TimeSpan.FromSeconds(solveSeconds) });
    var directSeconds = clock.Elapsed.TotalSeconds;

    Console.WriteLine($"Latency: {requests} requests each ...");
    clock.Restart();
    (await http.GetAsync($"{home}/rotas/{rotaId}/continuity")).EnsureSuccessStatusCode();
    var firstMs = clock.Elapsed.TotalMilliseconds;
    var continuity = await Latencies(http, $"{home}/rotas/{rotaId}/continuity", requests);
    var health = await Latencies(http, "/health", requests);

    // Hostile requests: the same assignment repeated (quadratic in the old validator), and one caregiver on every post of
    // every day (many distinct clashing shifts). Time, status, answer size and the service's peak memory after each.
    Console.WriteLine("Hostile requests to POST /validate ...");
    var problemJson = JsonNode.Parse(await http.GetStringAsync($"{home}/rotas/{rotaId}/problem"))!;
    var repeated = new JsonObject { ["caregiverId"] = "cg-001", ["date"] = "2026-11-30", ["demandId"] = "sunflower-E" };
    var everyPost = problem.Horizon.Dates.SelectMany(d => problem.Demands.Where(x => x.AppliesOn(d)).Select(x => (JsonNode)new JsonObject { ["caregiverId"] = "cg-001", ["date"] = IsoText.Of(d), ["demandId"] = x.Id })).ToList();
    var hostile = new List<string>();
    foreach (var (name, assignments) in new[]
    {
        ("one assignment × 2 000", Enumerable.Repeat<JsonNode>(repeated, 2_000).ToList()),
        ("one assignment × 4 000", Enumerable.Repeat<JsonNode>(repeated, 4_000).ToList()),
        ("one assignment × 40 000", Enumerable.Repeat<JsonNode>(repeated, 40_000).ToList()),
        ("one assignment × 60 000 (over the body limit)", Enumerable.Repeat<JsonNode>(repeated, 60_000).ToList()),
        ($"cg-001 on every post every day ({everyPost.Count} distinct clashing shifts)", everyPost),
    })
    {
        var body = new JsonObject { ["problem"] = problemJson.DeepClone(), ["rota"] = new JsonObject { ["assignments"] = new JsonArray([.. assignments.Select(a => a.DeepClone())]) } }.ToJsonString();
        clock.Restart();
        string status, size;
        try
        {
            using var answer = await http.PostAsync("/api/v1/validate", new StringContent(body, Encoding.UTF8, "application/json"));
            (status, size) = (((int)answer.StatusCode).ToString(CultureInfo.InvariantCulture), $"{(await answer.Content.ReadAsByteArrayAsync()).Length / 1024.0:0.0} KiB");
        }
        catch (HttpRequestException)
        {
            // Kestrel refuses a body past its limit by its declared length and closes the connection while the client still sends.
            (status, size) = ("refused while sending (connection closed)", "-");
        }

        hostile.Add(string.Create(CultureInfo.InvariantCulture, $"| {name} | {body.Length / 1048576.0:0.00} MiB | {status} | {clock.Elapsed.TotalMilliseconds:0} ms | {size} | {PeakMegabytes(service.Id):0} MiB |"));
    }

    var report = new StringBuilder()
        .AppendLine(CultureInfo.InvariantCulture, $"# API benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC")
        .AppendLine()
        .AppendLine(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores; the service on loopback (Kestrel, SQLite), the baby-home demo; {requests} sequential requests after 20 warm-up requests.")
        .AppendLine()
        .AppendLine("| measure | p50 ms | p99 ms | max ms |")
        .AppendLine("|---|---|---|---|")
        .AppendLine(Row("GET /rotas/{id}/continuity", continuity))
        .AppendLine(Row("GET /health (baseline: the HTTP stack)", health))
        .AppendLine()
        .AppendLine(CultureInfo.InvariantCulture, $"Continuity of the hospital-way rota of the same 4 weeks (36 children, 46 caregivers). First request (scores the rota, then cached): {firstMs:0.0} ms. Ratio continuity / health: p50 {Percentile(continuity, 50) / Percentile(health, 50):0.00}×, p99 {Percentile(continuity, 99) / Percentile(health, 99):0.00}×.")
        .AppendLine()
        .AppendLine("| solve, baby-home 4 weeks | seconds | status | objective |")
        .AppendLine("|---|---|---|---|")
        .AppendLine(CultureInfo.InvariantCulture, $"| POST solve job → finished (polled every 0.1 s) | {jobSeconds:0.0} | {(string?)job["result"]?["status"]}{(solvedRota is null ? " (no rota)" : "")} | {(double?)job["result"]?["objective"]:0.0} |")
        .AppendLine(CultureInfo.InvariantCulture, $"| baseline: RotaSolver called directly | {directSeconds:0.0} | {JsonNames.Of(direct.Status)} | {direct.Objective.Total:0.0} |")
        .AppendLine()
        .AppendLine(CultureInfo.InvariantCulture, $"Ratio job / direct: {jobSeconds / directSeconds:0.00}×.")
        .AppendLine()
        .AppendLine("| hostile POST /validate (baby-home, 4 weeks) | body | status | time | answer | service peak memory so far |")
        .AppendLine("|---|---|---|---|---|---|")
        .AppendLine(string.Join(Environment.NewLine, hostile))
        .ToString();
    Console.WriteLine();
    Console.WriteLine(report);
    var reports = Path.Combine(RepositoryRoot.Path, "benchmarks", "reports");
    Directory.CreateDirectory(reports);
    var file = Path.Combine(reports, $"api-{DateTime.UtcNow:yyyyMMdd-HHmm}.md");
    File.WriteAllText(file, report);
    Console.WriteLine($"Report: {Path.GetRelativePath(RepositoryRoot.Path, file)}");
}
finally
{
    service.Kill(entireProcessTree: true);
    await service.WaitForExitAsync();
    Directory.Delete(folder, recursive: true);
}

int Argument(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

// The service's peak resident memory (VmHWM) in MiB.
static double PeakMegabytes(int processId)
{
    var line = File.ReadLines($"/proc/{processId}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
    return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
}

static async Task<List<double>> Latencies(HttpClient http, string path, int count)
{
    for (var i = 0; i < 20; i++)
    {
        (await http.GetAsync(path)).EnsureSuccessStatusCode();
    }

    var times = new List<double>(count);
    for (var i = 0; i < count; i++)
    {
        var clock = Stopwatch.StartNew();
        using var response = await http.GetAsync(path);
        await response.Content.ReadAsByteArrayAsync();
        times.Add(clock.Elapsed.TotalMilliseconds);
        response.EnsureSuccessStatusCode();
    }

    return times;
}

static double Percentile(List<double> values, double percent)
{
    var sorted = values.Order().ToList();
    return sorted[(int)Math.Ceiling(percent / 100 * sorted.Count) - 1];
}

static string Row(string name, List<double> times) =>
    string.Create(CultureInfo.InvariantCulture, $"| {name} | {Percentile(times, 50):0.00} | {Percentile(times, 99):0.00} | {times.Max():0.00} |");

static async Task<T?> Try<T>(Func<Task<T>> action) where T : class
{
    try
    {
        return await action();
    }
    catch (HttpRequestException)
    {
        return null;
    }
}
