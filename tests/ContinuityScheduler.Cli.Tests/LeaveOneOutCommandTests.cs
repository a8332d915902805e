using System.Text.Json;
using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Domain.Scoring;

namespace ContinuityScheduler.Cli.Tests;

/// <summary>`continuity leave-one-out` on a hand-made home: the most harmful caregiver first in words and in JSON, the figures the validator's and the scorer's.</summary>
public sealed class LeaveOneOutCommandTests
{
    // One week: Birch and Willow, an early post in each every day, a night post for both on Wednesday and Thursday that
    // needs "night". Anna and Bo (40 h), Dan (8 h) work earlies, contracts ± 16 h; Nina (16 h) alone has "night".
    private const string Problem = """
        {
          "institution": {
            "id": "leave-home", "name": "Leave Home", "timeZone": "Europe/Copenhagen",
            "labourRules": { "rules": { "contract-hours": { "limit": 16, "weeks": 1 }, "free-weekends": { "enabled": false } } }
          },
          "horizon": { "start": "2026-11-30", "weeks": 1 },
          "shiftTypes": [
            { "code": "E", "name": "Early", "start": "07:00", "end": "15:00", "kind": "day" },
            { "code": "N", "name": "Night", "start": "23:00", "end": "07:00", "kind": "waking-night" }
          ],
          "groups": [ { "id": "birch", "name": "Birch", "coreTeamTarget": 2 }, { "id": "willow", "name": "Willow", "coreTeamTarget": 2 } ],
          "children": [
            { "id": "k-01", "birthDate": "2025-06-01", "memberships": [ { "groupId": "birch", "from": "2025-06-01" } ] },
            { "id": "k-02", "birthDate": "2021-06-01", "memberships": [ { "groupId": "birch", "from": "2025-06-01" } ] },
            { "id": "k-03", "birthDate": "2024-06-01", "memberships": [ { "groupId": "willow", "from": "2025-06-01" } ] }
          ],
          "caregivers": [
            { "id": "anna", "name": "Anna", "contract": { "hoursPerWeek": 40 } },
            { "id": "bo", "name": "Bo", "contract": { "hoursPerWeek": 40 } },
            { "id": "dan", "name": "Dan", "contract": { "hoursPerWeek": 24 } },
            { "id": "nina", "name": "Nina", "contract": { "hoursPerWeek": 16 }, "skills": [ "night" ] }
          ],
          "demands": [
            { "id": "birch-early", "groupIds": [ "birch" ], "shiftType": "E" },
            { "id": "willow-early", "groupIds": [ "willow" ], "shiftType": "E" },
            { "id": "night", "groupIds": [ "birch", "willow" ], "shiftType": "N", "skills": [ "night" ], "weekdays": [ "wednesday", "thursday" ] }
          ]
        }
        """;

    [Fact]
    public void Leave_one_out_ranks_the_only_night_caregiver_first_in_words_and_in_json()
    {
        var (problemPath, rotaPath) = Published();
        var outPath = RepoFiles.Scratch("leave-one-out.json");

        var text = CliRun.Of("leave-one-out", problemPath, "--rota", rotaPath, "--caregivers", "dan,nina", "--time-limit", "10", "--deterministic");
        var json = CliRun.Of("leave-one-out", problemPath, "--rota", rotaPath, "--caregivers", "dan,nina", "--time-limit", "10", "--deterministic", "--json", "--out", outPath);

        text.ExitCode.Should().Be(ExitCodes.Ok, text.Output + text.Error);
        var lines = text.Output.Split('\n').Where(l => l.StartsWith("Without ", StringComparison.Ordinal)).ToList();
        lines.Should().HaveCount(2);
        lines[0].Should().StartWith("Without nina (Nina): 2 person-shift(s) uncovered (the least any repair leaves, proven);");
        lines[1].Should().StartWith("Without dan (Dan): no post uncovered;");
        text.Output.Should().Contain("The rota as given: 0 person-shift(s) uncovered;").And.Contain("▲ under three");
        json.ExitCode.Should().Be(ExitCodes.Ok, json.Error);
        File.ReadAllText(outPath).Trim().Should().Be(json.Output.Trim(), "--out writes what --json prints");
        using var document = JsonDocument.Parse(json.Output);
        var caregivers = document.RootElement.GetProperty("caregivers").EnumerateArray().ToList();
        caregivers.Select(c => c.GetProperty("caregiverId").GetString()).Should().Equal("nina", "dan");
        caregivers[0].GetProperty("uncovered").GetDouble().Should().Be(2);
        caregivers[1].GetProperty("uncovered").GetDouble().Should().Be(0);
        document.RootElement.GetProperty("complete").GetBoolean().Should().BeTrue();
        var problem = ProblemReader.Read(Problem).Value!;
        var rota = RotaReader.Read(File.ReadAllText(rotaPath), problem).Value!;
        document.RootElement.GetProperty("continuityBefore").GetProperty("weightedMean").GetDouble().Should().Be(ContinuityScorer.Score(problem, rota).Institution.WeightedMean);
        caregivers[1].GetProperty("weightedMeanBefore").GetDouble().Should().Be(ContinuityScorer.Score(problem, rota).Institution.WeightedMean);
        caregivers[1].GetProperty("status").GetString().Should().BeOneOf("optimal", "feasible");
    }

    [Theory]
    [InlineData("--caregivers", "nobody", "--caregivers names no caregiver of the problem: 'nobody'.")]
    [InlineData("--time-limit", "0", "--time-limit takes a number of at least 1, not '0'.")]
    public void Leave_one_out_refuses_a_bad_option_with_exit_2(string option, string value, string message)
    {
        var (problemPath, rotaPath) = Published();

        var run = CliRun.Of("leave-one-out", problemPath, "--rota", rotaPath, option, value);

        run.ExitCode.Should().Be(ExitCodes.BadInput);
        run.Error.Should().Contain(message);
    }

    [Fact]
    public void Leave_one_out_needs_the_rota()
    {
        var (problemPath, _) = Published();

        var run = CliRun.Of("leave-one-out", problemPath);

        run.ExitCode.Should().Be(ExitCodes.BadInput);
        run.Error.Should().Contain("--rota");
    }

    /// <summary>The home and its solved rota (every post covered, checked by the validator), written to scratch files.</summary>
    private static (string Problem, string Rota) Published()
    {
        var problemPath = RepoFiles.Scratch("leave-home.json");
        var rotaPath = RepoFiles.Scratch("leave-rota.json");
        File.WriteAllText(problemPath, Problem);
        CliRun.Of("solve", problemPath, "--out", rotaPath, "--time-limit", "10", "--deterministic").ExitCode.Should().Be(ExitCodes.Ok);
        var problem = ProblemReader.Read(Problem).Value!;
        RotaValidator.Validate(problem, RotaReader.Read(File.ReadAllText(rotaPath), problem).Value!).IsValid.Should().BeTrue();
        return (problemPath, rotaPath);
    }
}
