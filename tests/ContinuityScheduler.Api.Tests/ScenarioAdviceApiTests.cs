using System.Net;
using System.Text.Json.Nodes;
using ContinuityScheduler.Api.Data;
using ContinuityScheduler.Api.Jobs;
using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Domain.Scoring;
using ContinuityScheduler.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ContinuityScheduler.Api.Tests;

/// <summary>
/// The advice home with a second caregiver, B (16 h): A's 5 earlies and B's 2 cover the week, so the home needs no hire;
/// scenario <c>without-b</c> removes B, and then one 16 h hire is needed. <c>same</c> changes nothing; <c>nowhere</c> no longer fits.
/// </summary>
public sealed class ScenarioAdviceHomeFixture : IAsyncLifetime
{
    public ApiFactory Factory { get; } = new();

    public Tenant Home { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var document = JsonNode.Parse(DocumentWriter.Write(AdviceHomeFixture.Problem()))!.AsObject();
        var b = document["caregivers"]![0]!.DeepClone().AsObject();
        b["id"] = "b";
        b["name"] = "B";
        b["contract"]!["hoursPerWeek"] = 16;
        document["caregivers"]!.AsArray().Add(b);
        Home = await Tenant.CreateAsync(Factory, document["institution"]!.AsObject());
        var imported = await Home.Client.PostAsync($"{Home.Base}/import", Tenant.Json(document));
        imported.StatusCode.Should().Be(HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        await PutAsync("without-b", """{"name":"Without B","changes":[{"kind":"remove-caregivers","ids":["b"]}]}""");
        await PutAsync("same", """{"name":"Same","changes":[]}""");
        await PutAsync("nowhere", """{"name":"Nowhere","changes":[{"kind":"shift-pattern","shiftTypes":[],"demands":[{"id":"early","groupIds":["nowhere"],"shiftType":"E","count":1}]}]}""");
    }

    private async Task PutAsync(string id, string scenario)
    {
        var put = await Home.Client.PutAsync($"{Home.Base}/scenarios/{id}", Tenant.Json(scenario));
        put.StatusCode.Should().Be(HttpStatusCode.Created, await put.Content.ReadAsStringAsync());
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        Factory.DeleteData();
        return Task.CompletedTask;
    }
}

/// <summary>Staffing advice on a scenario of the institution's data, and each comparison column's advice.</summary>
public sealed class ScenarioAdviceApiTests(ScenarioAdviceHomeFixture fixture) : IClassFixture<ScenarioAdviceHomeFixture>
{
    private const string Candidates = """[ { "id": "day", "contract": { "hoursPerWeek": 16 }, "maxCount": 2 } ]""";

    private static JsonObject Request(string start = "2026-11-30", string candidates = Candidates) => JsonNode.Parse($$"""
        { "horizon": { "start": "{{start}}", "weeks": 1 }, "candidates": {{candidates}}, "timeLimitSeconds": 10 }
        """)!.AsObject();

    /// <summary>Starts advice (on a scenario when given) and waits until it has ended: the condition, not a fixed time.</summary>
    private async Task<JsonNode> AdviseAsync(string? scenarioId, JsonObject request)
    {
        var home = fixture.Home;
        var path = scenarioId is null ? $"{home.Base}/advice" : $"{home.Base}/scenarios/{scenarioId}/advice";
        var posted = await home.Client.PostAsync(path, Tenant.Json(request));
        posted.StatusCode.Should().Be(HttpStatusCode.Accepted, await posted.Content.ReadAsStringAsync());
        var location = posted.Headers.Location!.ToString();
        location.Should().Contain("/advice/", "a scenario's advice is followed where any advice is");
        return await Eventually.ValueAsync(async () => await home.GetJsonAsync(location) is var view && JobState.IsFinished((string)view["job"]!["state"]!) ? view : null, TimeSpan.FromMinutes(2));
    }

    /// <summary>The validator on the advice's own problem and rota, not the advice's word: every post covered, every hard rule kept.</summary>
    private static (Domain.Model.PlanningProblem Problem, Domain.Model.Rota Rota) Judged(JsonNode advice)
    {
        var problem = ProblemReader.Read(advice["problem"]!.ToJsonString()).Value!;
        var rota = RotaReader.Read(advice["rota"]!.ToJsonString(), problem).Value!;
        var validation = RotaValidator.Validate(problem, rota);
        validation.Violations.Should().NotContain(v => v.Code == "coverage");
        validation.IsValid.Should().BeTrue();
        return (problem, rota);
    }

    [Fact]
    public async Task A_scenario_that_removes_a_caregiver_needs_one_hire_where_the_home_needs_none()
    {
        var home = await AdviseAsync(null, Request());
        ((string)home["job"]!["state"]!).Should().Be("succeeded", home.ToJsonString());
        ((int)home["advice"]!["hireCount"]!).Should().Be(0, "A's 5 earlies and B's 2 cover the week");
        ((string)home["advice"]!["headline"]!).Should().Be("No hire needed: the staff as they are can cover every post.");
        Judged(home["advice"]!).Problem.Caregivers.Select(c => c.Id).Should().Equal("a", "b");

        var scenario = await AdviseAsync("without-b", Request());
        var job = scenario["job"]!;
        ((string)job["state"]!).Should().Be("succeeded", scenario.ToJsonString());
        ((string)job["kind"]!).Should().Be("advice");
        job["rotaId"].Should().BeNull();
        var advice = scenario["advice"]!;
        ((string)advice["status"]!).Should().Be("proven", "without B, A's 5 earlies leave 2, and one 16 h hire works exactly 2");
        ((int)advice["hireCount"]!).Should().Be(1);
        ((string)advice["headline"]!).Should().Be("Hire 1 × 16 h caregiver (day).");
        ((double)advice["uncoveredBeforeFound"]!).Should().Be(2);
        ((double)advice["uncoveredAfter"]!).Should().Be(0);
        var (problem, rota) = Judged(advice);
        problem.Caregivers.Select(c => c.Id).Should().Equal(["a", "day-1"], "the advice ran on the home changed by the scenario");
        rota.Assignments.Count(a => a.CaregiverId == "day-1").Should().Be(2);
        ((double)advice["continuityAfter"]!["min"]!).Should().BeApproximately(ContinuityScorer.Score(problem, rota).Institution.Min, 1e-9);

        var listed = (await fixture.Home.GetJsonAsync("solve-jobs")).AsArray().Single(j => (string)j!["id"]! == (string)job["id"]!)!;
        ((string)listed["kind"]!).Should().Be("advice");
        (await fixture.Home.GetJsonAsync("rotas")).AsArray().Should().NotContain(r => (string?)r!["jobId"] == (string)job["id"]!, "the advice's rota is never stored");
    }

    [Fact]
    public async Task An_unknown_scenario_is_404_naming_it_and_nothing_is_queued()
    {
        var home = fixture.Home;
        var before = await Snapshot.OfAsync(home);

        var problem = await ProblemDocument.ShouldBeAsync(await home.Client.PostAsync($"{home.Base}/scenarios/ghost/advice", Tenant.Json(Request())), 404);

        problem["errors"]!.AsArray().Select(e => (string)e!["path"]!).Should().Equal("$.scenarioId");
        (await Snapshot.OfAsync(home)).Should().Be(before);
    }

    [Fact]
    public async Task A_scenario_that_no_longer_fits_is_409_naming_each_error_in_it_and_nothing_is_queued()
    {
        var home = fixture.Home;
        var before = await Snapshot.OfAsync(home);

        var problem = await ProblemDocument.ShouldBeAsync(await home.Client.PostAsync($"{home.Base}/scenarios/nowhere/advice", Tenant.Json(Request())), 409);

        var errors = problem["errors"]!.AsArray();
        errors.Should().NotBeEmpty(problem.ToJsonString());
        errors.Select(e => (string)e!["resource"]!).Should().AllBe("scenarios/nowhere");
        errors.Select(e => (string)e!["path"]!).Should().Contain(p => p.StartsWith("$.demands[0]", StringComparison.Ordinal), problem.ToJsonString());
        (await Snapshot.OfAsync(home)).Should().Be(before);
    }

    public static TheoryData<string, string> BadRequests() => new()
    {
        { Request(candidates: """[ { "like": "b" } ]""").ToJsonString(), "$.candidates[0].like" },
        { Request(candidates: """[ { "contract": { "hoursPerWeek": -5 } } ]""").ToJsonString(), "$.candidates[0].contract.hoursPerWeek" },
        { """{ "horizon": { "start": "2026-11-30", "weeks": 1 }, "candidates": [ { "like": "a" } ], "by": "cheap" }""", "$.by" },
        { """{ "horizon": { "start": "2026-11-30", "weeks": 1 }, "candidates": [ { "like": "a" } ], "scenarioId": "same" }""", "$.scenarioId" },
        { """{ "horizon": { "start": "2026-12-01", "weeks": 1 }, "candidates": [ { "like": "a" } ] }""", "$.horizon.start" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task A_bad_field_gets_a_400_naming_it_and_nothing_is_queued(string body, string path)
    {
        // B is removed by the scenario: a candidate like B fits the home but not the scenario.
        var home = fixture.Home;
        var before = await Snapshot.OfAsync(home);

        var response = await home.Client.PostAsync($"{home.Base}/scenarios/without-b/advice", Tenant.Json(body));

        var problem = await ProblemDocument.ShouldBeAsync(response, 400);
        problem["errors"]!.AsArray().Select(e => (string)e!["path"]!).Should().Contain(path, problem.ToJsonString());
        (await Snapshot.OfAsync(home)).Should().Be(before);
    }

    [Fact]
    public async Task Each_comparison_column_carries_the_latest_ended_advice_of_its_scenario_and_horizon()
    {
        var home = fixture.Home;
        var hospital = await home.HospitalWayAsync("2026-11-30", 1);
        var laterHospital = await home.HospitalWayAsync("2026-12-07", 1);
        var withoutB = await ScenarioRotaAsync("without-b");
        var same = await ScenarioRotaAsync("same");

        var homeAdvice = await AdviseAsync(null, Request());
        var scenarioAdvice = await AdviseAsync("without-b", Request());
        var laterAdvice = await AdviseAsync(null, Request("2026-12-07"));
        // Stored ones end after every real one: in minutes from now, so which is latest never rests on the clock's resolution.
        var now = DateTime.UtcNow;
        await StoredAdviceAsync(home.Id, Request(), JobState.Cancelled, scenarioAdvice["advice"]!, now.AddMinutes(1));
        var other = await Tenant.CreateAsync(fixture.Factory, new JsonObject { ["id"] = "other-advice-home", ["timeZone"] = "Europe/Copenhagen" });
        await StoredAdviceAsync(other.Id, Request(), JobState.Succeeded, scenarioAdvice["advice"]!, now.AddMinutes(2));
        // Of two of the scenario's, the one that ended later is picked, though it was created (and stored) first.
        var lastEnded = await StoredAdviceAsync(home.Id, OfScenario("without-b"), JobState.Succeeded, scenarioAdvice["advice"]!, now.AddMinutes(4), now.AddMinutes(-10));
        await StoredAdviceAsync(home.Id, OfScenario("without-b"), JobState.Succeeded, homeAdvice["advice"]!, now.AddMinutes(3));

        var comparison = await home.GetJsonAsync($"rotas/comparison?ids={hospital},{withoutB},{same},{laterHospital}");

        var columns = comparison["columns"]!.AsArray();
        columns.Select(c => (string?)c!["scenario"]).Should().Equal(null, "without-b", "same", null);
        var advice = columns.Select(c => c!["advice"]).ToList();
        ((string)advice[0]!["jobId"]!).Should().Be((string)homeAdvice["job"]!["id"]!, "the hospital way is of the home's own data: the home's advice, not the later cancelled one, another home's, nor the other horizon's");
        ((string)advice[1]!["jobId"]!).Should().Be(lastEnded.ToString(), "the scenario's advice that ended last");
        advice[2].Should().BeNull("no advice was asked for scenario 'same'");
        ((string)advice[3]!["jobId"]!).Should().Be((string)laterAdvice["job"]!["id"]!);

        // The column's figures are the stored advice's own, judged by the validator and scorer on its problem and rota.
        foreach (var (column, view) in new[] { (advice[0]!, homeAdvice), (advice[1]!, scenarioAdvice) })
        {
            var stored = view["advice"]!;
            var (problem, rota) = Judged(stored);
            ((string)column["status"]!).Should().Be((string)stored["status"]!);
            ((string)column["statusText"]!).Should().Be((string)stored["statusText"]!);
            ((string)column["headline"]!).Should().Be((string)stored["headline"]!);
            ((string)column["whatItWouldTake"]!).Should().Be((string)stored["headline"]!);
            ((int)column["hireCount"]!).Should().Be(problem.Caregivers.Count(c => c.Id.StartsWith("day-", StringComparison.Ordinal)));
            ((double)column["uncoveredAfter"]!).Should().Be(RotaValidator.Validate(problem, rota).Violations.Count(v => v.Code == "coverage"));
            ((double)column["lowestChildAfter"]!).Should().BeApproximately(ContinuityScorer.Score(problem, rota).Institution.Min, 1e-9);
            column["finishedAt"].Should().NotBeNull();
        }

        ((int)advice[0]!["hireCount"]!).Should().Be(0);
        ((int)advice[1]!["hireCount"]!).Should().Be(1);

        // An infeasible advice that ended after the later week's is shown there: it answered, that the target cannot be reached.
        var unreachable = laterAdvice["advice"]!.DeepClone().AsObject();
        unreachable["status"] = "unreachable";
        unreachable["statusText"] = "No hires of the candidates offered cover every post.";
        unreachable["headline"] = null;
        var infeasible = await StoredAdviceAsync(home.Id, Request("2026-12-07"), JobState.Infeasible, unreachable, now.AddMinutes(1));

        var again = (await home.GetJsonAsync($"rotas/comparison?ids={hospital},{withoutB},{same},{laterHospital}"))["columns"]!.AsArray().Select(c => c!["advice"]).ToList();

        again.Take(3).Select(a => (string?)a?["jobId"]).Should().Equal(advice.Take(3).Select(a => (string?)a?["jobId"]), "the other columns' advice is the same when asked again");
        ((string)again[3]!["jobId"]!).Should().Be(infeasible.ToString(), "an advice ended since the last comparison is found");
        ((string)again[3]!["status"]!).Should().Be("unreachable");
        ((string)again[3]!["whatItWouldTake"]!).Should().Be("cannot be reached with the candidates offered");
    }

    private async Task<string> ScenarioRotaAsync(string scenarioId)
    {
        var home = fixture.Home;
        var started = await home.Client.PostAsync($"{home.Base}/scenarios/{scenarioId}/solve-jobs", Tenant.Json("""{"horizon":{"start":"2026-11-30","weeks":1},"timeLimitSeconds":5}"""));
        started.StatusCode.Should().Be(HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync());
        var job = await home.FinishedAsync(started.Headers.Location!.ToString());
        return (string)job["rotaId"]!;
    }

    private static JsonObject OfScenario(string scenarioId)
    {
        var request = Request();
        request["scenarioId"] = scenarioId; // as the service stores a scenario's advice request
        return request;
    }

    /// <summary>
    /// An ended advice job with a given state, advice and end: stored directly, since a real one on this small home ends too
    /// soon for a cancel to reach it, is never infeasible, and ends when it ends.
    /// </summary>
    private async Task<Guid> StoredAdviceAsync(string institutionId, JsonObject request, string state, JsonNode advice, DateTime finishedAt, DateTime? createdAt = null)
    {
        using var scope = fixture.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SchedulerDb>();
        var job = JobSubmission.Queued(institutionId, JobState.AdviceKind, request, "{}");
        job.State = state;
        job.ResultJson = advice.ToJsonString();
        job.CreatedAt = createdAt ?? job.CreatedAt;
        job.FinishedAt = finishedAt;
        db.SolveJobs.Add(job);
        await db.SaveChangesAsync();
        return job.Id;
    }
}
