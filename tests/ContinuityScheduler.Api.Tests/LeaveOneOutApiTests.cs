using System.Net;
using System.Text.Json.Nodes;
using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Domain.Scoring;
using ContinuityScheduler.Testing;
using NodaTime;

namespace ContinuityScheduler.Api.Tests;

/// <summary>
/// One-week home for the leave-one-out view: three infant earlies (Mon–Wed) only A may work, a late every day; B, C and
/// D have room in their contracts (8 h a week either way) to take each other's lates, so only A's absence leaves posts uncovered. Its rota is
/// stored through the API as a draft.
/// </summary>
public sealed class LeaveOneOutHomeFixture : IAsyncLifetime
{
    public ApiFactory Factory { get; } = new();

    public Tenant Home { get; private set; } = null!;

    public string RotaId { get; private set; } = null!;

    public static readonly LocalDate Monday = new(2026, 11, 30);

    public static PlanningProblem Problem()
    {
        // Contracts within 8 h a week either way, so colleagues have room for a leaver's shifts.
        var rules = LabourRules.Default
            .With("contract-hours", new RuleSettings(true, Severity.Hard, 8, 1))
            .With("free-weekends", LabourRules.Default["free-weekends"] with { Enabled = false });
        var institution = new Institution("leave-home", "Leave Home", DateTimeZoneProviders.Tzdb["Europe/Copenhagen"], KeyMoments.Default, rules, ScoreWeights.Default);
        var baby = new Child("baby", Monday.PlusYears(-1), [new GroupMembership("g", Monday.PlusYears(-1))]);
        Caregiver[] caregivers = [new("a", "Anna", new Contract(24), ["infant"]), new("b", "Bo", new Contract(32)), new("c", "Cai", new Contract(32)), new("d", "Dan", new Contract(8))];
        ShiftType[] shifts = [new("E", "Early", new LocalTime(7, 0), new LocalTime(15, 0), ShiftKind.Day), new("L", "Late", new LocalTime(15, 0), new LocalTime(23, 0), ShiftKind.Day)];
        Demand[] demands = [new("infant-early", ["g"], "E", 1, ["infant"], [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday]), new("late", ["g"], "L")];
        return new PlanningProblem(institution, new Horizon(Monday, 1), [new Group("g", "G")], [baby], caregivers, shifts, demands);
    }

    /// <summary>A: the infant earlies; B: lates Mon–Thu; C: lates Fri–Sun; D: nothing. Every post covered within the rules.</summary>
    public static Rota Rota() => new(
        [
            .. Enumerable.Range(0, 3).Select(i => new Assignment("a", Monday.PlusDays(i), "infant-early")),
            .. Enumerable.Range(0, 4).Select(i => new Assignment("b", Monday.PlusDays(i), "late")),
            .. Enumerable.Range(4, 3).Select(i => new Assignment("c", Monday.PlusDays(i), "late")),
        ],
        "manual");

    public async Task InitializeAsync()
    {
        var document = JsonNode.Parse(DocumentWriter.Write(Problem()))!.AsObject();
        Home = await Tenant.CreateAsync(Factory, document["institution"]!.AsObject());
        var imported = await Home.Client.PostAsync($"{Home.Base}/import", Tenant.Json(document));
        imported.StatusCode.Should().Be(HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        var upload = JsonNode.Parse(DocumentWriter.Write(Rota()))!.AsObject();
        upload["horizon"] = new JsonObject { ["start"] = "2026-11-30", ["weeks"] = 1 };
        var stored = await Home.Client.PostAsync($"{Home.Base}/rotas", Tenant.Json(upload));
        stored.StatusCode.Should().Be(HttpStatusCode.Created, await stored.Content.ReadAsStringAsync());
        RotaId = (string)JsonNode.Parse(await stored.Content.ReadAsStringAsync())!["id"]!;
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        Factory.DeleteData();
        return Task.CompletedTask;
    }
}

/// <summary>The leave-one-out view through the API: a job on the solve queue whose figures the domain's validator and scorer recompute.</summary>
public sealed class LeaveOneOutApiTests(LeaveOneOutHomeFixture fixture) : IClassFixture<LeaveOneOutHomeFixture>
{
    [Fact]
    public void The_fixture_rota_keeps_every_hard_rule()
    {
        var report = RotaValidator.Validate(LeaveOneOutHomeFixture.Problem(), LeaveOneOutHomeFixture.Rota());
        report.IsValid.Should().BeTrue(string.Join("; ", report.Violations.Where(v => v.Severity == Severity.Hard).Select(v => $"{v.Code} {v.CaregiverId} {v.Message}")));
    }

    [Fact]
    public async Task The_only_infant_caregiver_is_most_harmful_and_the_figures_are_the_scorers()
    {
        var home = fixture.Home;
        var body = new JsonObject { ["rotaId"] = fixture.RotaId, ["timeLimitSeconds"] = 40 };
        var posted = await home.Client.PostAsync($"{home.Base}/leave-one-out", Tenant.Json(body));
        posted.StatusCode.Should().Be(HttpStatusCode.Accepted, await posted.Content.ReadAsStringAsync());
        var location = posted.Headers.Location!.ToString();
        location.Should().Contain("/leave-one-out/");

        var done = await Eventually.ValueAsync(async () => await home.GetJsonAsync(location) is var view && Jobs.JobState.IsFinished((string)view["job"]!["state"]!) ? view : null, TimeSpan.FromMinutes(3));

        var job = done["job"]!;
        ((string)job["state"]!).Should().Be("succeeded", done.ToJsonString());
        ((string)job["kind"]!).Should().Be("leave-one-out");
        job["rotaId"].Should().BeNull("the repaired rotas are no rotas of the institution");
        var view = done["view"]!;
        ((string)view["rotaId"]!).Should().Be(fixture.RotaId);
        ((bool)view["complete"]!).Should().BeTrue();
        var records = view["caregivers"]!.AsArray().Select(r => r!).ToList();
        records.Select(r => (string)r["caregiverId"]!).Should().BeEquivalentTo(["a", "b", "c", "d"]);

        // The rota as given, by the scorer and the validator.
        var problem = LeaveOneOutHomeFixture.Problem();
        var rota = LeaveOneOutHomeFixture.Rota();
        var before = ContinuityScorer.Score(problem, rota).Institution;
        ((double)view["uncoveredBefore"]!).Should().Be(0);
        ((double)view["continuityBefore"]!["weightedMean"]!).Should().BeApproximately(before.WeightedMean, 1e-9);

        // A first: nobody else has 'infant', so no repair covers the three earlies; the least change is none at all.
        var a = records[0];
        ((string)a["caregiverId"]!).Should().Be("a", view.ToJsonString());
        ((string)a["name"]!).Should().Be("Anna");
        ((int)a["shiftsLost"]!).Should().Be(3);
        ((int)a["changes"]!).Should().Be(0);
        var withoutA = Solver.Advice.LeaveOneOutSolver.Without(problem, "a");
        var rotaWithoutA = new Rota([.. rota.Assignments.Where(x => x.CaregiverId != "a")], "manual");
        var uncovered = RotaValidator.Validate(withoutA, rotaWithoutA).Violations.Where(v => v.Code == "coverage" && v.Severity == Severity.Hard).Sum(v => (v.Limit ?? 0) - (v.Measured ?? 0));
        uncovered.Should().Be(3);
        ((double)a["uncovered"]!).Should().Be(uncovered);
        var afterA = ContinuityScorer.Score(withoutA, rotaWithoutA).Institution;
        ((double)a["weightedMeanBefore"]!).Should().BeApproximately(before.WeightedMean, 1e-9);
        ((double)a["weightedMeanAfter"]!).Should().BeApproximately(afterA.WeightedMean, 1e-9);
        ((double)a["lowestAfter"]!).Should().BeApproximately(afterA.Min, 1e-9);
        ((string)a["text"]!).Should().StartWith("Without a (Anna): 3 person-shift(s) uncovered");

        // The others' shifts fit in their colleagues' contracts: nothing stays uncovered.
        records.Skip(1).Select(r => (double)r["uncovered"]!).Should().AllSatisfy(u => u.Should().Be(0), view.ToJsonString());

        // D has no shift: the rota stands as given, judged on the home without D.
        var d = records.Single(r => (string)r["caregiverId"]! == "d");
        ((int)d["shiftsLost"]!).Should().Be(0);
        var afterD = ContinuityScorer.Score(Solver.Advice.LeaveOneOutSolver.Without(problem, "d"), rota).Institution;
        ((double)d["weightedMeanAfter"]!).Should().BeApproximately(afterD.WeightedMean, 1e-9);

        (await home.GetJsonAsync("rotas")).AsArray().Should().ContainSingle("only the fixture's own rota is stored; the repairs are not");
    }

    public static TheoryData<string, string> BadRequests() => new()
    {
        { """{ "caregivers": [ "a" ] }""", "$.rotaId" },
        { """{ "rotaId": "not-a-guid" }""", "$.rotaId" },
        { """{ "rotaId": "ROTA", "caregivers": [ "a", "ghost" ] }""", "$.caregivers[1]" },
        { """{ "rotaId": "ROTA", "caregivers": [ 7 ] }""", "$.caregivers[0]" },
        { """{ "rotaId": "ROTA", "caregivers": [] }""", "$.caregivers" },
        { """{ "rotaId": "ROTA", "timeLimitSeconds": 0 }""", "$.timeLimitSeconds" },
        { """{ "rotaId": "ROTA", "timeLimitSeconds": 2.5 }""", "$.timeLimitSeconds" },
        { """{ "rotaId": "ROTA", "happiness": 1 }""", "$.happiness" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task A_bad_field_gets_a_400_naming_it_and_nothing_is_stored(string body, string path)
    {
        var home = fixture.Home;
        var before = await Snapshot.OfAsync(home);

        var response = await home.Client.PostAsync($"{home.Base}/leave-one-out", Tenant.Json(body.Replace("ROTA", fixture.RotaId, StringComparison.Ordinal)));

        var problem = await ProblemDocument.ShouldBeAsync(response, 400);
        problem["errors"]!.AsArray().Select(e => (string)e!["path"]!).Should().Contain(path, problem.ToJsonString());
        (await Snapshot.OfAsync(home)).Should().Be(before);
    }

    [Fact]
    public async Task An_unknown_rota_institution_or_job_is_404()
    {
        var home = fixture.Home;
        var before = await Snapshot.OfAsync(home);
        var unknownRota = await ProblemDocument.ShouldBeAsync(await home.Client.PostAsync($"{home.Base}/leave-one-out", Tenant.Json(new JsonObject { ["rotaId"] = Guid.NewGuid().ToString() })), 404);
        unknownRota["errors"]!.AsArray().Select(e => (string)e!["path"]!).Should().Contain("$.rotaId");
        (await Snapshot.OfAsync(home)).Should().Be(before);
        await ProblemDocument.ShouldBeAsync(await home.Client.PostAsync("/api/v1/institutions/no-such-home/leave-one-out", Tenant.Json(new JsonObject { ["rotaId"] = fixture.RotaId })), 404);
        await ProblemDocument.ShouldBeAsync(await home.Client.GetAsync($"{home.Base}/leave-one-out/{Guid.NewGuid()}"), 404);
    }
}

/// <summary>A running leave-one-out is cancelled like a solve and keeps the caregivers done so far.</summary>
public sealed class LeaveOneOutCancelTests
{
    [Fact]
    public async Task A_running_leave_one_out_is_cancelled_like_a_solve()
    {
        using var factory = new ApiFactory();
        try
        {
            // Baby-home's four weeks of the hospital way, every caregiver left out with 300 s: far beyond the moment it is cancelled.
            var home = await Tenant.FromSampleAsync(factory, "baby-home");
            var made = await home.Client.PostAsync($"{home.Base}/rotas/hospital-way", Tenant.Json("""{ "horizon": { "start": "2026-11-30", "weeks": 4 } }"""));
            made.StatusCode.Should().Be(HttpStatusCode.Created, await made.Content.ReadAsStringAsync());
            var rotaId = (string)JsonNode.Parse(await made.Content.ReadAsStringAsync())!["id"]!;
            var posted = await home.Client.PostAsync($"{home.Base}/leave-one-out", Tenant.Json(new JsonObject { ["rotaId"] = rotaId, ["timeLimitSeconds"] = 300 }));
            posted.StatusCode.Should().Be(HttpStatusCode.Accepted, await posted.Content.ReadAsStringAsync());
            var location = posted.Headers.Location!.ToString();
            await Eventually.TrueAsync(async () => await home.GetJsonAsync(location) is var j && j["job"]!["progress"]!["elapsedSeconds"] is not null, TimeSpan.FromMinutes(1));

            (await home.Client.DeleteAsync(location)).StatusCode.Should().Be(HttpStatusCode.Accepted);
            var done = await Eventually.ValueAsync(async () => await home.GetJsonAsync(location) is var view && Jobs.JobState.IsFinished((string)view["job"]!["state"]!) ? view : null, TimeSpan.FromMinutes(2));

            ((string)done["job"]!["state"]!).Should().Be("cancelled", done.ToJsonString());
            done["job"]!["rotaId"].Should().BeNull();
            var view = done["view"]!;
            ((bool)view["complete"]!).Should().BeFalse("not every caregiver was left out");
            ((double)view["seconds"]!).Should().BeLessThan(300, "it stopped when cancelled, not at its limit");
            var problem = ProblemReader.Read(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "samples", "baby-home.json"))).Value!;
            view["caregivers"]!.AsArray().Count.Should().BeLessThan(problem.Caregivers.Count);
            (await home.GetJsonAsync("rotas")).AsArray().Should().ContainSingle("only the hospital way's rota is stored");

            (await home.Client.DeleteAsync(location)).StatusCode.Should().Be(HttpStatusCode.Conflict, "an ended job cannot be cancelled");
        }
        finally
        {
            factory.DeleteData();
        }
    }
}
