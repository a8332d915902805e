using System.Text.Json;
using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Domain.Rules;

namespace ContinuityScheduler.Cli.Tests;

public class CommandTests
{
    [Fact]
    public void Validate_json_lists_every_violation_with_its_fields_and_exits_1_on_hard_ones()
    {
        var rota = RepoFiles.Scratch("rota.json");
        CliRun.Of("baseline", RepoFiles.Sample("baby-home"), "--out", rota).ExitCode.Should().Be(ExitCodes.Ok);

        var run = CliRun.Of("validate", RepoFiles.Sample("baby-home"), rota, "--json");

        using var json = JsonDocument.Parse(run.Output);
        var violations = json.RootElement.GetProperty("violations").EnumerateArray().ToList();
        // The expected verdict comes from the validator itself, not from what the command printed.
        var problem = ProblemReader.Read(File.ReadAllText(RepoFiles.Sample("baby-home"))).Value!;
        var report = RotaValidator.Validate(problem, RotaReader.Read(File.ReadAllText(rota), problem).Value!);
        report.HardCount.Should().BePositive("the hospital way breaks rules it cannot keep on baby-home");
        json.RootElement.GetProperty("hardCount").GetInt32().Should().Be(report.HardCount);
        violations.Should().HaveCount(report.Violations.Count);
        run.ExitCode.Should().Be(ExitCodes.HardViolations);
        violations.Should().NotBeEmpty("the hospital way breaks rules it cannot keep on baby-home");
        foreach (var violation in violations)
        {
            foreach (var field in new[] { "code", "severity", "caregiverId", "from", "to", "measured", "limit", "message" })
            {
                violation.TryGetProperty(field, out _).Should().BeTrue($"every violation carries {field}");
            }

            RuleSet.Find(violation.GetProperty("code").GetString()!).Should().NotBeNull();
        }
    }

    [Fact]
    public void Score_json_has_each_child_with_its_parts_and_the_institution_summary()
    {
        var rota = RepoFiles.Scratch("rota.json");
        CliRun.Of("baseline", RepoFiles.Sample("small-home"), "--out", rota);

        var run = CliRun.Of("score", RepoFiles.Sample("small-home"), rota, "--json");

        run.ExitCode.Should().Be(ExitCodes.Ok);
        using var json = JsonDocument.Parse(run.Output);
        var children = json.RootElement.GetProperty("children").EnumerateArray().ToList();
        children.Should().HaveCount(12);
        foreach (var child in children)
        {
            foreach (var field in new[] { "childId", "groupId", "distinctCaregivers", "distinctPerWeek", "coreShare", "keyPersonDays", "keyMoments", "sameAdultNights", "score" })
            {
                child.TryGetProperty(field, out _).Should().BeTrue($"every child carries {field}");
            }

            child.GetProperty("score").GetDouble().Should().BeInRange(0, 100);
        }

        var institution = json.RootElement.GetProperty("institution");
        var scores = children.Select(c => c.GetProperty("score").GetDouble()).ToList();
        institution.GetProperty("mean").GetDouble().Should().BeApproximately(scores.Average(), 1e-9);
        institution.GetProperty("min").GetDouble().Should().BeApproximately(scores.Min(), 1e-9);
        institution.TryGetProperty("weightedMean", out _).Should().BeTrue();
    }

    [Fact]
    public void Score_table_prints_children_worst_first_then_groups_and_the_institution()
    {
        var rota = RepoFiles.Scratch("rota.json");
        CliRun.Of("baseline", RepoFiles.Sample("small-home"), "--out", rota);

        var run = CliRun.Of("score", RepoFiles.Sample("small-home"), rota);

        run.ExitCode.Should().Be(ExitCodes.Ok);
        run.Output.Should().Contain("INSTITUTION").And.Contain("Robin").And.Contain("ch-001");
    }

    [Fact]
    public void Validate_exits_0_for_a_rota_that_breaks_no_hard_rule()
    {
        var problem = RepoFiles.Scratch("problem.json");
        File.WriteAllText(problem, """
            {
              "institution": { "id": "tiny", "timeZone": "Europe/Copenhagen" },
              "horizon": { "start": "2026-11-30", "weeks": 1 },
              "shiftTypes": [ { "code": "E", "start": "07:00", "end": "15:00", "kind": "day" } ],
              "groups": [ { "id": "g1" } ],
              "caregivers": [ { "id": "anna", "contract": { "hoursPerWeek": 8, "employmentType": "permanent" } } ],
              "demands": [ { "id": "g1-E", "groupIds": [ "g1" ], "shiftType": "E", "dates": [ "2026-12-01" ] } ]
            }
            """);
        var rota = RepoFiles.Scratch("rota.json");
        File.WriteAllText(rota, """{ "assignments": [ { "caregiverId": "anna", "date": "2026-12-01", "demandId": "g1-E" } ] }""");

        var run = CliRun.Of("validate", problem, rota);

        run.ExitCode.Should().Be(ExitCodes.Ok, run.Output);
        run.Output.Should().Contain("Valid: no hard violations");
    }

    [Fact]
    public void A_broken_problem_exits_2_and_names_every_bad_field()
    {
        var problem = RepoFiles.Scratch("problem.json");
        File.WriteAllText(problem, """
            {
              "institution": { "id": "tiny", "timeZone": "Mars/Olympus" },
              "horizon": { "start": "2026-12-01", "weeks": 1 },
              "shiftTypes": [],
              "groups": [],
              "caregivers": [ { "id": "anna", "contract": { "hoursPerWeek": -3 } } ],
              "demands": []
            }
            """);

        var run = CliRun.Of("baseline", problem, "--out", RepoFiles.Scratch("rota.json"));

        run.ExitCode.Should().Be(ExitCodes.BadInput);
        run.Error.Should().Contain("$.institution.timeZone")
            .And.Contain("$.horizon.start")
            .And.Contain("$.caregivers[0].contract.hoursPerWeek");
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("validate")]
    [InlineData("score", "only-one-file.json")]
    [InlineData("rules", "--colour", "red")]
    public void A_command_line_that_says_nothing_sensible_exits_2(params string[] args)
    {
        var run = CliRun.Of(args);

        run.ExitCode.Should().Be(ExitCodes.BadInput);
        run.Error.Should().StartWith("error: ");
    }

    [Fact]
    public void Baseline_without_an_out_file_exits_2()
    {
        var run = CliRun.Of("baseline", RepoFiles.Sample("small-home"));

        run.ExitCode.Should().Be(ExitCodes.BadInput);
        run.Error.Should().Contain("--out");
    }

    [Fact]
    public void A_missing_file_exits_2_with_its_name()
    {
        var run = CliRun.Of("score", "/nonexistent/problem.json", "/nonexistent/rota.json");

        run.ExitCode.Should().Be(ExitCodes.BadInput);
        run.Error.Should().Contain("/nonexistent/problem.json");
    }

    [Fact]
    public void Rules_lists_every_rule_code_once()
    {
        var run = CliRun.Of("rules", "--json");

        using var json = JsonDocument.Parse(run.Output);
        json.RootElement.EnumerateArray().Select(r => r.GetProperty("code").GetString())
            .Should().Equal(RuleSet.Definitions.Select(d => d.Code));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void The_committed_samples_are_what_the_sample_command_makes(string name)
    {
        var path = RepoFiles.Scratch($"{name}.json");

        CliRun.Of("sample", name, "--out", path).ExitCode.Should().Be(ExitCodes.Ok);

        File.ReadAllText(path).Should().Be(File.ReadAllText(RepoFiles.Sample(name)), "samples/ is regenerated with `continuity sample`, so the files and the generator agree");
        ProblemReader.Read(File.ReadAllText(path)).Errors.Should().BeEmpty();
    }

    public static TheoryData<string> Samples() => [.. RepoFiles.SampleNames];
}
