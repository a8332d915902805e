using System.Net;
using System.Text.Json.Nodes;
using ContinuityScheduler.Testing;

namespace ContinuityScheduler.Api.Tests;

/// <summary>
/// Three service processes on one database: 30 jobs posted round-robin to all three at once; one process is killed
/// (SIGKILL) while it solves and another stopped (SIGTERM) while it solves. Every job ends exactly once with a reason,
/// none is stuck, no rota is stored twice, and the dead instance's job is finished by another after its lease lapses.
/// </summary>
public sealed class ClusterTests
{
    private const int Jobs = 30;

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["ContinuityScheduler__Jobs__LeaseSeconds"] = "4",
        ["ContinuityScheduler__Jobs__HeartbeatMilliseconds"] = "500",
        ["ContinuityScheduler__Jobs__QueueCapacity"] = "40",
        ["ContinuityScheduler__RequestsPerMinute"] = "100000",
    };

    [Fact]
    public async Task Three_instances_finish_every_job_exactly_once_through_a_kill_and_a_stop()
    {
        var folder = ApiFactory.NewFolder();
        var services = new List<ServiceProcess>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                services.Add(await ServiceProcess.StartAsync(folder, Settings));
            }

            var key = await services[0].CreateInstitutionAsync();
            var clients = services.Select(s => s.Client(key)).ToList();
            var sample = File.ReadAllText(RepositoryRoot.Sample("small-home"));
            (await clients[0].PostAsync("/api/v1/institutions/small-home/import", Tenant.Json(sample))).StatusCode.Should().Be(HttpStatusCode.OK);

            var posts = Enumerable.Range(0, Jobs).Select(i => clients[i % 3].PostAsync(
                "/api/v1/institutions/small-home/solve-jobs",
                Tenant.Json($$"""{"horizon":{"start":"2026-11-30","weeks":1},"timeLimitSeconds":{{2 + (i % 3)}}}""")));
            var answers = await Task.WhenAll(posts);
            answers.Should().OnlyContain(a => a.StatusCode == HttpStatusCode.Accepted, "the queue has room for all 30");
            var locations = answers.Select(a => a.Headers.Location!.ToString()).ToList();

            // The kill and the stop land while each of those instances is solving.
            await Eventually.TrueAsync(() => RunningAsync(clients[1]), TimeSpan.FromMinutes(2));
            services[1].Kill();
            await Eventually.TrueAsync(() => RunningAsync(clients[2]), TimeSpan.FromMinutes(2));
            await services[2].StopAsync();
            services[2].HasExited.Should().BeTrue();

            var home = new Tenant("small-home", clients[0]);
            var done = new List<JsonNode>();
            foreach (var location in locations)
            {
                done.Add(await home.FinishedAsync(location, TimeSpan.FromMinutes(5)));
            }

            done.Should().OnlyContain(j => (string)j["state"]! == "succeeded" || ((string)j["state"]! == "failed" && !string.IsNullOrEmpty((string?)j["error"])));
            done.Count(j => (string)j["state"]! == "succeeded").Should().Be(Jobs, "a week of small-home always has a rota; nothing here should fail");
            done.Should().Contain(j => (int)j["attempts"]! >= 2, "the killed instance's job was claimed again once its lease lapsed");

            var listed = JsonNode.Parse(await clients[0].GetStringAsync("/api/v1/institutions/small-home/solve-jobs"))!.AsArray();
            listed.Should().HaveCount(Jobs, "no job lost, none made twice");
            var rotas = JsonNode.Parse(await clients[0].GetStringAsync("/api/v1/institutions/small-home/rotas"))!.AsArray();
            foreach (var job in done)
            {
                rotas.Count(r => (string?)r!["jobId"] == (string)job["id"]!).Should().Be(1, "each job's rota is stored once");
            }
        }
        finally
        {
            services.ForEach(s => s.Dispose());
            TestStore.Delete(folder);
        }
    }

    /// <summary>Whether the instance behind the client is solving a job now, by its own readiness report.</summary>
    private static async Task<bool> RunningAsync(HttpClient client)
    {
        var ready = JsonNode.Parse(await client.GetStringAsync("/health/ready"))!;
        return (int)ready["checks"]!["workers"]!["data"]!["running"]! > 0;
    }
}
