using System.Net;
using System.Text.Json.Nodes;
using ContinuityScheduler.Testing;
using Microsoft.Data.Sqlite;

namespace ContinuityScheduler.Api.Tests;

/// <summary>
/// The service as its own process, killed (SIGKILL) while it solves, imports and publishes, then started again on the
/// same SQLite file: the file passes SQLite's integrity check, an import is all there or not at all, every accepted job
/// ends once (none lost, stuck or run twice to two rotas), and each date has at most one published rota.
/// </summary>
public sealed class CrashTests
{
    // Every round kills the service on purpose: the limit on a job's attempts is not what this test is about; short leases keep it quick.
    private static readonly Dictionary<string, string> Settings = new() { ["ContinuityScheduler__Jobs__MaxAttempts"] = "1000", ["ContinuityScheduler__Jobs__LeaseSeconds"] = "3" };

    private static int Rounds => int.TryParse(Environment.GetEnvironmentVariable("CRASH_ROUNDS"), out var n) ? n : 10;

    [Fact]
    public async Task Killing_the_service_mid_write_loses_or_doubles_nothing()
    {
        var folder = ApiFactory.NewFolder();
        var random = new Random(20261201);
        var accepted = new List<string>();
        string? key = null;
        try
        {
            for (var round = 0; round < Rounds; round++)
            {
                using var service = await ServiceProcess.StartAsync(folder, Settings);
                key ??= await service.CreateInstitutionAsync();
                var client = service.Client(key);
                // Alternate the imported home so an interrupted import is either the old data or the new, never a mix.
                var import = client.PostAsync("/api/v1/institutions/small-home/import", Tenant.Json(Sample(round % 2 == 0 ? "small-home" : "dst-week")));
                if (round == 0)
                {
                    // Round 0 finishes its import and publication, so later rounds, killed or not, have a published week to supersede.
                    (await import).StatusCode.Should().Be(HttpStatusCode.OK);
                }

                var hospital = await client.PostAsync("/api/v1/institutions/small-home/rotas/hospital-way", Tenant.Json("""{"horizon":{"start":"2026-11-30","weeks":1}}"""));
                var job = await client.PostAsync("/api/v1/institutions/small-home/solve-jobs", Tenant.Json("""{"horizon":{"start":"2026-12-07","weeks":1},"timeLimitSeconds":3}"""));
                if (job.StatusCode == HttpStatusCode.Accepted)
                {
                    accepted.Add(job.Headers.Location!.ToString());
                }

                if (round == 0 || hospital.StatusCode == HttpStatusCode.Created)
                {
                    hospital.StatusCode.Should().Be(HttpStatusCode.Created);
                    var rota = (string)JsonNode.Parse(await hospital.Content.ReadAsStringAsync())!["id"]!;
                    var publish = client.PostAsync($"/api/v1/institutions/small-home/rotas/{rota}/publish?confirm=true", null);
                    if (round == 0)
                    {
                        (await publish).StatusCode.Should().Be(HttpStatusCode.OK);
                    }
                    else
                    {
                        _ = publish.ContinueWith(t => t.Exception, TaskScheduler.Default);
                    }
                }

                // The kill lands somewhere in the writes under way: that it is not waiting for anything is the point.
                await Task.Delay(random.Next(0, 400));
                service.Kill();
                _ = import.ContinueWith(t => t.Exception, TaskScheduler.Default);

                if (!TestStore.OnPostgres)
                {
                    IntegrityCheck(folder).Should().Be("ok", $"round {round}"); // PostgreSQL's own write-ahead log answers for its files
                }
            }

            using var last = await ServiceProcess.StartAsync(folder, Settings);
            var again = last.Client(key!);
            foreach (var location in accepted)
            {
                var done = await new Tenant("small-home", again).FinishedAsync(location);
                ((string)done["state"]!).Should().BeOneOf(["succeeded", "infeasible"], $"{location} ends with a rota: {done.ToJsonString()}");
            }

            var jobs = JsonNode.Parse(await again.GetStringAsync("/api/v1/institutions/small-home/solve-jobs"))!.AsArray();
            jobs.Should().HaveCount(accepted.Count, "every accepted job is there once, none lost, none made twice");
            var rotas = JsonNode.Parse(await again.GetStringAsync("/api/v1/institutions/small-home/rotas"))!.AsArray();
            foreach (var job in jobs)
            {
                rotas.Count(r => (string?)r!["jobId"] == (string)job!["id"]!).Should().Be(1, "a job's rota is written once, however often it ran");
            }

            rotas.Where(r => (string)r!["status"]! == "published").Select(r => (string)r!["horizonStart"]!)
                .Should().Equal(["2026-11-30"], "each week has at most one published rota, and round 0's publication surely finished");
            var caregivers = JsonNode.Parse(await again.GetStringAsync("/api/v1/institutions/small-home/caregivers"))!.AsArray();
            caregivers.Count.Should().BeOneOf(Count("small-home"), Count("dst-week"));
        }
        finally
        {
            TestStore.Delete(folder);
        }
    }

    private static string Sample(string name) => File.ReadAllText(RepositoryRoot.Sample(name)).Replace("\"id\": \"dst-week\"", "\"id\": \"small-home\"", StringComparison.Ordinal);

    private static int Count(string sample) => JsonNode.Parse(Sample(sample))!["caregivers"]!.AsArray().Count;

    private static string IntegrityCheck(string folder)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "continuity.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)command.ExecuteScalar()!;
    }
}
