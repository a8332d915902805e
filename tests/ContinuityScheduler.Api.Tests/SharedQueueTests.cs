using System.Net;
using System.Text.Json.Nodes;
using ContinuityScheduler.Api.Data;
using ContinuityScheduler.Api.Jobs;
using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContinuityScheduler.Api.Tests;

/// <summary>
/// Two service instances in this process on one store (one SQLite file, or one PostgreSQL database on the suite's second
/// run): the queue is the database, so a job posted to one is solved by the other, its progress and its cancellation
/// cross between them, admission holds under racing posts, and a dead instance's jobs are taken over or ended.
/// </summary>
public sealed class SharedQueueTests
{
    private static JsonObject Solve(int seconds, int weeks = 1) => new()
    {
        ["horizon"] = new JsonObject { ["start"] = "2026-11-30", ["weeks"] = weeks },
        ["timeLimitSeconds"] = seconds,
    };

    private static Dictionary<string, string> ApiOnly(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string> { ["ContinuityScheduler:Jobs:Solve"] = "false" };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    [Fact]
    public async Task A_job_posted_to_an_api_only_instance_is_solved_by_another_shows_its_progress_there_and_is_cancelled_from_it()
    {
        await TestStore.InFolderAsync(async folder =>
        {
            using var api = new ApiFactory(folder, ApiOnly());
            // Baby-home's four weeks are not proven optimal within the limit: only the cancellation ends the run early.
            var home = await Tenant.FromSampleAsync(api, "baby-home");
            var job = (await home.Client.PostAsync($"{home.Base}/solve-jobs", Tenant.Json(Solve(120, weeks: 4)))).Headers.Location!.ToString();
            var ready = await home.GetJsonAsync("/health/ready");
            ((string)ready["status"]!).Should().Be("Healthy");
            ((int)ready["checks"]!["workers"]!["data"]!["workers"]!).Should().Be(0, "this instance serves the API only");
            ((string)(await home.GetJsonAsync(job))["state"]!).Should().Be("queued");

            using var solver = new ApiFactory(folder);
            _ = solver.Services; // starts the instance and its workers
            // The progress the solving instance writes to the row is what the API-only instance shows.
            var progress = await Eventually.ValueAsync(async () => await home.GetJsonAsync(job) is var j && (string)j["state"]! == "running" && j["progress"]!["incumbent"] is not null ? j : null, TimeSpan.FromMinutes(1));
            ((double)progress["progress"]!["elapsedSeconds"]!).Should().BePositive();

            (await home.Client.DeleteAsync(job)).StatusCode.Should().Be(HttpStatusCode.Accepted);
            var cancelled = await home.FinishedAsync(job, TimeSpan.FromSeconds(60));
            ((string)cancelled["state"]!).Should().Be("cancelled", cancelled.ToJsonString());
            ((double)cancelled["result"]!["seconds"]!).Should().BeLessThan(120, "the runner saw the cancellation asked of the other instance");
            var (problem, rota) = await home.RotaAndProblemAsync((string)cancelled["rotaId"]!);
            RotaValidator.Validate(problem, rota).Violations.Should().NotContain(v => v.Severity == Severity.Hard && v.Code != "coverage", "the best rota so far is kept");
        });
    }

    [Fact]
    public async Task Racing_posts_fill_each_institutions_share_of_the_queue_exactly_and_no_further()
    {
        await TestStore.InFolderAsync(async folder =>
        {
            using var first = new ApiFactory(folder, ApiOnly(("ContinuityScheduler:Jobs:QueueCapacity", "3")));
            using var second = new ApiFactory(folder, ApiOnly(("ContinuityScheduler:Jobs:QueueCapacity", "3")));
            var home = await Tenant.FromSampleAsync(first, "small-home");
            var other = await Tenant.FromSampleAsync(first, "small-home", "other-home");
            var posts = Enumerable.Range(0, 12)
                .Select(i => (i % 2 == 0 ? home : home.On(second)).Client.PostAsync($"{home.Base}/solve-jobs", Tenant.Json(Solve(5))))
                .ToList();
            var answers = await Task.WhenAll(posts);

            answers.Count(a => a.StatusCode == HttpStatusCode.Accepted).Should().Be(3, "two instances admit against one count");
            answers.Where(a => a.StatusCode != HttpStatusCode.Accepted).Should().OnlyContain(a => a.StatusCode == HttpStatusCode.TooManyRequests);
            (await home.GetJsonAsync("solve-jobs?state=queued")).AsArray().Should().HaveCount(3);
            (await other.Client.PostAsync($"{other.Base}/solve-jobs", Tenant.Json(Solve(5)))).StatusCode.Should().Be(HttpStatusCode.Accepted, "another home has its own share");
        });
    }

    [Fact]
    public async Task Claims_take_the_home_with_fewest_running_first_and_a_result_is_written_once()
    {
        await TestStore.InFolderAsync(async folder =>
        {
            using var factory = new ApiFactory(folder, ApiOnly());
            var home = await Tenant.FromSampleAsync(factory, "small-home");
            var other = await Tenant.FromSampleAsync(factory, "small-home", "other-home");
            var a1 = await PostAsync(home);
            var a2 = await PostAsync(home);
            var b1 = await PostAsync(other);

            using var scope = factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<SchedulerDb>();
            var options = new JobOptions { LeaseSeconds = 60 };
            var one = new JobLeases(db, options, "one");
            var two = new JobLeases(db, options, "two");
            var first = await one.ClaimAsync(CancellationToken.None);
            var second = await two.ClaimAsync(CancellationToken.None);
            var third = await one.ClaimAsync(CancellationToken.None);
            (first!.Id, second!.Id, third!.Id).Should().Be((a1, b1, a2), "the oldest first, but a home with a job running waits behind one with none");
            (await two.ClaimAsync(CancellationToken.None)).Should().BeNull("every job is held");

            // A stale lease writes nothing: only the holder's result is stored, once.
            var rota = RotaRecordFor(first, db);
            var stale = await two.FinishAsync(first, Guid.NewGuid(), rota, j => j.State = JobState.Succeeded, CancellationToken.None);
            stale.Should().BeFalse();
            (await one.FinishAsync(first, first.LeaseId!.Value, RotaRecordFor(first, db), j => j.State = JobState.Succeeded, CancellationToken.None)).Should().BeTrue();
            (await one.FinishAsync(first, first.LeaseId!.Value, RotaRecordFor(first, db), j => j.State = JobState.Succeeded, CancellationToken.None)).Should().BeFalse("it is finished");
            db.ChangeTracker.Clear();
            (await db.Rotas.CountAsync(r => r.JobId == first.Id)).Should().Be(1);
        });
    }

    [Fact]
    public async Task A_dead_instances_jobs_are_taken_over_or_ended_once_their_leases_lapse()
    {
        await TestStore.InFolderAsync(async folder =>
        {
            Tenant home;
            Guid orphan, cancelled, exhausted, broken;
            using (var api = new ApiFactory(folder, ApiOnly()))
            {
                home = await Tenant.FromSampleAsync(api, "small-home");
                (orphan, cancelled, exhausted, broken) = (await PostAsync(home, 3), await PostAsync(home, 3), await PostAsync(home, 3), await PostAsync(home, 3));
                using var scope = api.Services.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<SchedulerDb>();
                // What a dead instance leaves behind: running rows whose leases lapsed a moment ago.
                var lapsed = DateTime.UtcNow.AddSeconds(-1);
                await db.SolveJobs.Where(j => j.Id == orphan || j.Id == cancelled || j.Id == exhausted).ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.State, JobState.Running).SetProperty(j => j.LeaseId, Guid.NewGuid()).SetProperty(j => j.LeaseOwner, "dead")
                    .SetProperty(j => j.LeaseExpiresAt, lapsed).SetProperty(j => j.Attempts, 1));
                await db.SolveJobs.Where(j => j.Id == cancelled).ExecuteUpdateAsync(s => s.SetProperty(j => j.CancelRequested, true));
                await db.SolveJobs.Where(j => j.Id == exhausted).ExecuteUpdateAsync(s => s.SetProperty(j => j.Attempts, 3));
                await db.SolveJobs.Where(j => j.Id == broken).ExecuteUpdateAsync(s => s.SetProperty(j => j.ProblemJson, "{}"));
            }

            using var survivor = new ApiFactory(folder);
            var again = home.On(survivor);
            var taken = await again.FinishedAsync($"{home.Base}/solve-jobs/{orphan}");
            ((string)taken["state"]!).Should().Be("succeeded", taken.ToJsonString());
            ((int)taken["attempts"]!).Should().Be(2);
            var stop = await again.FinishedAsync($"{home.Base}/solve-jobs/{cancelled}");
            ((string)stop["state"]!).Should().Be("cancelled", "a job cancelled while its instance died stays cancelled");
            ((int)stop["attempts"]!).Should().Be(1, "it never runs again");
            var spent = await again.FinishedAsync($"{home.Base}/solve-jobs/{exhausted}");
            ((string)spent["state"]!).Should().Be("failed");
            ((string)spent["error"]!).Should().Contain("3 times");
            var failing = await again.FinishedAsync($"{home.Base}/solve-jobs/{broken}");
            ((string)failing["state"]!).Should().Be("failed", "a job that fails every run ends failed");
            ((int)failing["attempts"]!).Should().Be(3);
            ((string)failing["error"]!).Should().Contain("The solve failed");
        });
    }

    [Fact]
    public async Task A_graceful_stop_hands_the_running_job_back_with_its_best_rota_and_another_instance_finishes_it()
    {
        await TestStore.InFolderAsync(async folder =>
        {
            Tenant home;
            Guid job;
            using (var before = new ApiFactory(folder))
            {
                home = await Tenant.FromSampleAsync(before, "small-home");
                job = await PostAsync(home, 120);
                await Eventually.TrueAsync(async () => (await home.GetJsonAsync($"solve-jobs/{job}"))["progress"]!["incumbent"] is not null, TimeSpan.FromMinutes(1));
            }

            using (var scope = new ApiFactory(folder, ApiOnly()))
            {
                var db = scope.Services.CreateScope().ServiceProvider.GetRequiredService<SchedulerDb>();
                var row = await db.SolveJobs.AsNoTracking().SingleAsync(j => j.Id == job);
                (row.State, row.Attempts, row.LeaseId).Should().Be((JobState.Queued, 0, (Guid?)null), "a handed-back run does not count as an attempt");
                row.StartRotaJson.Should().NotBeNull("the next run starts from the best rota so far");
                await db.SolveJobs.Where(j => j.Id == job).ExecuteUpdateAsync(s => s.SetProperty(j => j.RequestJson, Solve(3).ToJsonString()));
            }

            using var after = new ApiFactory(folder);
            var done = await home.On(after).FinishedAsync($"{home.Base}/solve-jobs/{job}");
            ((string)done["state"]!).Should().Be("succeeded", done.ToJsonString());
            ((int)done["attempts"]!).Should().Be(1);
        });
    }

    private static async Task<Guid> PostAsync(Tenant home, int seconds = 5)
    {
        var response = await home.Client.PostAsync($"{home.Base}/solve-jobs", Tenant.Json(Solve(seconds)));
        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return Guid.Parse(response.Headers.Location!.ToString().Split('/')[^1]);
    }

    private static RotaRecord RotaRecordFor(SolveJobRecord job, SchedulerDb db)
    {
        var problem = Domain.Json.ProblemReader.Read(job.ProblemJson).Value!;
        return Rotas.RotaRecords.Draft(job.InstitutionId, problem, job.ProblemJson, Domain.Baseline.HospitalWay.Generate(problem), job.Id);
    }
}
