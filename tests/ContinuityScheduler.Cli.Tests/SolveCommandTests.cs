using System.Text.Json;
using System.Text.Json.Nodes;
using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Domain.Scoring;
using NodaTime;

namespace ContinuityScheduler.Cli.Tests;

/// <summary>
/// `continuity solve` and `repair` through the built program, in the engine's repeatable mode: exit codes, the JSON
/// result, and the rota file judged by the validator and the scorer, not by what the program says of it.
/// </summary>
public sealed class SolveCommandTests
{
    [Fact]
    public async Task Solve_writes_a_rota_that_keeps_every_rule_and_says_so_in_its_json_and_exit_code()
    {
        var rotaPath = RepoFiles.Scratch("rota.json");

        var run = await ProgramRun.OfAsync("solve", RepoFiles.Sample("small-home"), "--out", rotaPath, "--time-limit", "10", "--deterministic", "--json");

        var problem = Problem(File.ReadAllText(RepoFiles.Sample("small-home")));
        var rota = RotaReader.Read(File.ReadAllText(rotaPath), problem).Value!;
        var report = RotaValidator.Validate(problem, rota);
        report.IsValid.Should().BeTrue("small-home can be staffed in full");
        run.ExitCode.Should().Be(ExitCodes.Ok);
        using var json = JsonDocument.Parse(run.Output);
        var result = json.RootElement;
        result.GetProperty("status").GetString().Should().BeOneOf("optimal", "feasible");
        result.GetProperty("hardViolations").GetInt32().Should().Be(report.HardCount);
        result.GetProperty("uncoveredMinimum").GetDouble().Should().Be(0);
        var bound = result.GetProperty("bound");
        if (bound.ValueKind == JsonValueKind.Number)
        {
            bound.GetDouble().Should().BeLessThanOrEqualTo(result.GetProperty("objective").GetDouble() + 1e-6);
        }

        var summary = ContinuityScorer.Score(problem, rota).Institution;
        result.GetProperty("continuity").GetProperty("mean").GetDouble().Should().BeApproximately(summary.Mean, 1e-9);
    }

    [Fact]
    public async Task Solve_of_a_home_no_rota_can_keep_writes_the_one_that_breaks_least_and_exits_1()
    {
        // small-home for one week with contracts 20 h above their hours and no tolerance: the minimums exceed the posts.
        var document = JsonNode.Parse(File.ReadAllText(RepoFiles.Sample("small-home")))!;
        document["institution"]!["labourRules"]!["rules"] = new JsonObject { ["contract-hours"] = new JsonObject { ["limit"] = 0, ["weeks"] = 1 } };
        foreach (var caregiver in document["caregivers"]!.AsArray())
        {
            var contract = caregiver!["contract"]!;
            contract["hoursPerWeek"] = contract["hoursPerWeek"]!.GetValue<double>() + 20;
        }

        var problemPath = RepoFiles.Scratch("over-staffed.json");
        await File.WriteAllTextAsync(problemPath, document.ToJsonString());
        var rotaPath = RepoFiles.Scratch("rota.json");

        var run = await ProgramRun.OfAsync("solve", problemPath, "--out", rotaPath, "--time-limit", "10", "--deterministic", "--json");

        run.ExitCode.Should().Be(ExitCodes.HardViolations);
        using var json = JsonDocument.Parse(run.Output);
        json.RootElement.GetProperty("status").GetString().Should().Be("infeasible");
        json.RootElement.GetProperty("diagnosis").EnumerateArray().Select(l => l.GetString()).Should().Contain(l => l!.StartsWith("contract-hours:", StringComparison.Ordinal));
        var problem = Problem(document.ToJsonString());
        var report = RotaValidator.Validate(problem, RotaReader.Read(File.ReadAllText(rotaPath), problem).Value!);
        report.Violations.Where(v => v.Severity == Severity.Hard).Should().NotBeEmpty().And.OnlyContain(v => v.Code == "contract-hours");
    }

    [Fact]
    public async Task Repair_replaces_a_sick_caregiver_near_the_absence_only_and_keeps_every_rule()
    {
        var problem = Problem(File.ReadAllText(RepoFiles.Sample("small-home")));
        var publishedPath = RepoFiles.Scratch("published.json");
        (await ProgramRun.OfAsync("solve", RepoFiles.Sample("small-home"), "--out", publishedPath, "--time-limit", "10", "--deterministic")).ExitCode.Should().Be(ExitCodes.Ok);
        var published = RotaReader.Read(File.ReadAllText(publishedPath), problem).Value!;
        var sick = published.Assignments.GroupBy(a => a.CaregiverId).OrderByDescending(g => g.Count()).First().Key;
        var day = problem.Horizon.Start.PlusDays(3);
        var repairedPath = RepoFiles.Scratch("repaired.json");

        var run = await ProgramRun.OfAsync("repair", RepoFiles.Sample("small-home"), publishedPath, "--absent", sick, "--from", IsoText.Of(day), "--to", IsoText.Of(day), "--out", repairedPath, "--time-limit", "10", "--deterministic", "--json");

        run.ExitCode.Should().Be(ExitCodes.Ok, run.Error);
        var repaired = RotaReader.Read(File.ReadAllText(repairedPath), problem).Value!;
        var sickProblem = WithSickness(problem, sick, day);
        RotaValidator.Validate(sickProblem, repaired).IsValid.Should().BeTrue();
        var changed = published.Assignments.Except(repaired.Assignments).Concat(repaired.Assignments.Except(published.Assignments)).ToList();
        changed.Should().Contain(a => a.CaregiverId == sick && a.Date == day);
        changed.Should().OnlyContain(a => a.Date >= day.PlusDays(-3) && a.Date <= day.PlusDays(3));
        using var json = JsonDocument.Parse(run.Output);
        json.RootElement.GetProperty("changes").GetInt32().Should().Be(changed.Count);
    }

    [Fact]
    public async Task A_bad_option_exits_2_with_a_message_and_writes_nothing()
    {
        var rotaPath = RepoFiles.Scratch("rota.json");

        var run = await ProgramRun.OfAsync("solve", RepoFiles.Sample("small-home"), "--out", rotaPath, "--time-limit", "soon");

        run.ExitCode.Should().Be(ExitCodes.BadInput);
        run.Error.Should().Contain("--time-limit");
        File.Exists(rotaPath).Should().BeFalse();
    }

    private static PlanningProblem Problem(string json) => ProblemReader.Read(json).Value!;

    private static PlanningProblem WithSickness(PlanningProblem problem, string caregiverId, LocalDate day)
    {
        var c = problem.CaregiversById[caregiverId];
        var sick = new Caregiver(c.Id, c.Name, c.Contract, c.Skills, c.AllowedGroups, [.. c.Absences, new Absence(AbsenceKind.Sickness, new DateInterval(day, day))], c.Wishes, c.ExternalId);
        return new PlanningProblem(problem.Institution, problem.Horizon, problem.Groups, problem.Children, problem.Caregivers.Select(x => x.Id == caregiverId ? sick : x), problem.ShiftTypes, problem.Demands, problem.History, problem.Pins);
    }
}
