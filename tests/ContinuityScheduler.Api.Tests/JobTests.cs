using System.Net;
using System.Text.Json.Nodes;
using ContinuityScheduler.Api.Data;
using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContinuityScheduler.Api.Tests;

/// <summary>Solve jobs: a bounded queue, cancellation that keeps the best rota, and jobs that survive a restart or a crash.</summary>
public sealed class JobTests
{
    private static JsonObject Solve(int seconds, int weeks = 1) => new()
    {
        ["horizon"] = new JsonObject { ["start"] = "2026-11-30", ["weeks"] = weeks },
        ["timeLimitSeconds"] = seconds,
    };

    [Fact]
    public async Task A_full_queue_answers_429_with_retry_after_and_cancelling_keeps_the_best_rota()
    {
        using var factory = new ApiFactory(new Dictionary<string, string> { ["ContinuityScheduler:Jobs:QueueCapacity"] = "1" });
        try
        {
            // Baby-home's four weeks are not proven optimal within the limit: only the cancellation ends the run early.
            var home = await Tenant.FromSampleAsync(factory, "baby-home");
            var running = (await home.Client.PostAsync($"{home.Base}/solve-jobs", Tenant.Json(Solve(120, weeks: 4)))).Headers.Location!.ToString();
            await Eventually.ValueAsync(async () => (await home.GetJsonAsync(running)) is var job && job["progress"]!["incumbent"] is not null ? job : null, TimeSpan.FromMinutes(1));

            var queued = await home.Client.PostAsync($"{home.Base}/solve-jobs", Tenant.Json(Solve(120)));
            queued.StatusCode.Should().Be(HttpStatusCode.Accepted);
            var refused = await home.Client.PostAsync($"{home.Base}/solve-jobs", Tenant.Json(Solve(120)));
            refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
            refused.Headers.RetryAfter!.Delta.Should().BePositive();
            refused.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");

            // A queued job never runs; a running one stops at once and keeps its best rota.
            (await home.Client.DeleteAsync(queued.Headers.Location)).StatusCode.Should().Be(HttpStatusCode.Accepted);
            ((string)(await home.GetJsonAsync(queued.Headers.Location!.ToString()))["state"]!).Should().Be("cancelled");
            (await home.Client.DeleteAsync(running)).StatusCode.Should().Be(HttpStatusCode.Accepted);
            var cancelled = await home.FinishedAsync(running, TimeSpan.FromSeconds(60));
            ((string)cancelled["state"]!).Should().Be("cancelled");
            ((double)cancelled["result"]!["seconds"]!).Should().BeLessThan(120, "the solve stopped when cancelled, not at its limit");
            var rota = await home.GetJsonAsync($"rotas/{(string)cancelled["rotaId"]!}");
            rota["shifts"]!.AsArray().Should().NotBeEmpty();
            (await home.Client.DeleteAsync(running)).StatusCode.Should().Be(HttpStatusCode.Conflict, "a finished job cannot be cancelled");
        }
        finally
        {
            factory.DeleteData();
        }
    }

    [Fact]
    public async Task Cancelling_a_repair_at_any_moment_ends_it_cancelled_with_its_best_rota()
    {
        using var factory = new ApiFactory();
        try
        {
            var home = await Tenant.FromSampleAsync(factory, "baby-home");
            var rota = await home.HospitalWayAsync("2026-11-30", 1);
            (await home.Client.PostAsync($"{home.Base}/rotas/{rota}/publish?confirm=true", null)).StatusCode.Should().Be(HttpStatusCode.OK);
            // At once, as soon as it runs, and once it has a rota: each moment of a repair's life.
            foreach (var moment in new[] { "queued", "running", "incumbent" })
            {
                var posted = await home.Client.PostAsync($"{home.Base}/rotas/{rota}/repair", Tenant.Json("""{"caregiverId":"cg-001","from":"2026-12-02","timeLimitSeconds":120}"""));
                posted.StatusCode.Should().Be(HttpStatusCode.Accepted, await posted.Content.ReadAsStringAsync());
                var job = posted.Headers.Location!.ToString();
                if (moment != "queued")
                {
                    await Eventually.TrueAsync(async () => await home.GetJsonAsync(job) is var j && (string)j["state"]! == "running" && (moment == "running" || j["progress"]!["incumbent"] is not null), TimeSpan.FromMinutes(1));
                }

                (await home.Client.DeleteAsync(job)).StatusCode.Should().Be(HttpStatusCode.Accepted);
                var done = await home.FinishedAsync(job, TimeSpan.FromSeconds(60));
                ((string)done["state"]!).Should().Be("cancelled", $"cancelled when {moment}: {done.ToJsonString()}");
                if (moment != "queued")
                {
                    done["rotaId"].Should().NotBeNull($"a repair cancelled when {moment} keeps its best rota, like a solve");
                }
            }
        }
        finally
        {
            factory.DeleteData();
        }
    }

    [Fact]
    public async Task A_queued_and_a_running_job_both_complete_after_a_restart()
    {
        var folder = ApiFactory.NewFolder();
        string first, second;
        Tenant home;
        using (var before = new ApiFactory(folder))
        {
            home = await Tenant.FromSampleAsync(before, "small-home");
            first = (await home.Client.PostAsync($"{home.Base}/solve-jobs", Tenant.Json(Solve(15)))).Headers.Location!.ToString();
            second = (await home.Client.PostAsync($"{home.Base}/solve-jobs", Tenant.Json(Solve(3)))).Headers.Location!.ToString();
            await Eventually.TrueAsync(async () => (string)(await home.GetJsonAsync(first))["state"]! == "running", TimeSpan.FromMinutes(1));
            ((string)(await home.GetJsonAsync(second))["state"]!).Should().Be("queued");
        }

        using var after = new ApiFactory(folder, new Dictionary<string, string> { ["ContinuityScheduler:Jobs:DefaultTimeLimitSeconds"] = "3" });
        try
        {
            var again = home.On(after);
            foreach (var job in new[] { first, second })
            {
                var done = await again.FinishedAsync(job);
                ((string)done["state"]!).Should().Be("succeeded", done.ToJsonString());
                var (problem, rota) = await again.RotaAndProblemAsync((string)done["rotaId"]!);
                RotaValidator.Validate(problem, rota).IsValid.Should().BeTrue("a week of small-home is staffed in full within every rule");
            }

            ((int)(await again.GetJsonAsync(first))["attempts"]!).Should().Be(1, "the stop handed the running job back without counting its run");
        }
        finally
        {
            after.DeleteData();
        }
    }

    [Fact]
    public async Task A_job_left_running_by_a_crash_is_run_again_at_start()
    {
        var folder = ApiFactory.NewFolder();
        Tenant home;
        string job;
        using (var before = new ApiFactory(folder))
        {
            home = await Tenant.FromSampleAsync(before, "small-home");
            job = (await home.Client.PostAsync($"{home.Base}/solve-jobs", Tenant.Json(Solve(3)))).Headers.Location!.ToString();
            await home.FinishedAsync(job);

            // What a crash leaves behind: the row still says running, with no result.
            using var scope = before.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<SchedulerDb>();
            var id = Guid.Parse(job.Split('/')[^1]);
            await db.SolveJobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s.SetProperty(j => j.State, "running").SetProperty(j => j.RotaId, (Guid?)null).SetProperty(j => j.FinishedAt, (DateTime?)null));
        }

        using var after = new ApiFactory(folder);
        try
        {
            var again = home.On(after);
            var done = await again.FinishedAsync(job);
            ((string)done["state"]!).Should().Be("succeeded");
            ((int)done["attempts"]!).Should().Be(2);
            var (problem, rota) = await again.RotaAndProblemAsync((string)done["rotaId"]!);
            RotaValidator.Validate(problem, rota).IsValid.Should().BeTrue();
        }
        finally
        {
            after.DeleteData();
        }
    }

    [Fact]
    public async Task A_home_no_rota_can_keep_ends_infeasible_with_the_rota_that_breaks_least_and_publishing_it_asks_twice()
    {
        // small-home for one week with no contract tolerance: 37 h and 30 h of 8 h shifts cannot be met exactly.
        using var factory = new ApiFactory();
        try
        {
            var home = await Tenant.FromSampleAsync(factory, "small-home");
            await home.SetRuleAsync("contract-hours", new JsonObject { ["limit"] = 0, ["weeks"] = 1 });

            var done = await home.SolveAsync("2026-11-30", weeks: 1, seconds: 10);

            ((string)done["state"]!).Should().Be("infeasible", done.ToJsonString());
            ((string)done["result"]!["status"]!).Should().Be("infeasible");
            done["result"]!["diagnosis"]!.AsArray().Select(l => (string)l!).Should().Contain(l => l.StartsWith("contract-hours:", StringComparison.Ordinal));
            var rotaId = (string)done["rotaId"]!;
            var (problem, rota) = await home.RotaAndProblemAsync(rotaId);
            // It breaks contract minimums (and may leave a post the broken contracts cannot cover): nothing else.
            var hard = RotaValidator.Validate(problem, rota).Violations.Where(v => v.Severity == Severity.Hard).ToList();
            hard.Should().Contain(v => v.Code == "contract-hours").And.OnlyContain(v => v.Code == "contract-hours" || v.Code == "coverage");

            var refused = await home.Client.PostAsync($"{home.Base}/rotas/{rotaId}/publish", null);
            refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
            var problemDocument = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
            problemDocument["errors"]!.AsArray().Select(e => (string)e!["path"]!).Should().Contain("$.confirm");
            ((string)(await home.GetJsonAsync($"rotas/{rotaId}"))["rota"]!["status"]!).Should().Be("draft", "a refused publish changes nothing");
            var published = await home.Client.PostAsync($"{home.Base}/rotas/{rotaId}/publish?confirm=true", null);
            published.StatusCode.Should().Be(HttpStatusCode.OK, await published.Content.ReadAsStringAsync());
        }
        finally
        {
            factory.DeleteData();
        }
    }
}
