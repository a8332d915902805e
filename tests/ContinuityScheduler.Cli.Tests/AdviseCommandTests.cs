using ContinuityScheduler.Domain.Advice;
using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Domain.Rules;

namespace ContinuityScheduler.Cli.Tests;

/// <summary>`continuity advise` through the built program: the hires in words, the status, and the rota judged by the validator on the home with those hires.</summary>
public sealed class AdviseCommandTests
{
    // One week, one group: an early post every day, a night post (skill "night") on Wednesday and Thursday. Anna (40 h,
    // exact) works 5 earlies, Nina (16 h, night) the 2 nights: 2 earlies are left, one 16 h hire's exact work.
    internal const string Problem = """
        {
          "institution": {
            "id": "advice-home", "name": "Advice Home", "timeZone": "Europe/Copenhagen",
            "labourRules": { "rules": { "contract-hours": { "limit": 0, "weeks": 1 }, "free-weekends": { "enabled": false } } }
          },
          "horizon": { "start": "2026-11-30", "weeks": 1 },
          "shiftTypes": [
            { "code": "E", "name": "Early", "start": "07:00", "end": "15:00", "kind": "day" },
            { "code": "N", "name": "Night", "start": "23:00", "end": "07:00", "kind": "waking-night" }
          ],
          "groups": [ { "id": "g", "name": "G" } ],
          "children": [ { "id": "baby", "birthDate": "2025-11-30", "memberships": [ { "groupId": "g", "from": "2025-11-30" } ] } ],
          "caregivers": [
            { "id": "anna", "name": "Anna", "contract": { "hoursPerWeek": 40 } },
            { "id": "nina", "name": "Nina", "contract": { "hoursPerWeek": 16 }, "skills": [ "night" ], "allowedGroups": [ "g" ] }
          ],
          "demands": [
            { "id": "early", "groupIds": [ "g" ], "shiftType": "E" },
            { "id": "night", "groupIds": [ "g" ], "shiftType": "N", "skills": [ "night" ], "weekdays": [ "wednesday", "thursday" ] }
          ]
        }
        """;

    // Either profile alone does it; by cost the copy of Nina (price 1) beats the day caregiver (price 3).
    internal const string Candidates = """
        { "candidates": [ { "id": "day", "contract": { "hoursPerWeek": 16 }, "price": 3 }, { "like": "nina", "maxCount": 2 } ] }
        """;

    [Fact]
    public async Task Advise_by_cost_names_the_cheapest_hire_in_words_and_writes_a_rota_that_covers_every_post_with_it()
    {
        var problemPath = RepoFiles.Scratch("advice-home.json");
        var candidatesPath = RepoFiles.Scratch("candidates.json");
        var rotaPath = RepoFiles.Scratch("advice-rota.json");
        await File.WriteAllTextAsync(problemPath, Problem);
        await File.WriteAllTextAsync(candidatesPath, Candidates);

        var run = await ProgramRun.OfAsync("advise", problemPath, "--candidates", candidatesPath, "--by", "cost", "--time-limit", "20", "--deterministic", "--out", rotaPath);

        run.ExitCode.Should().Be(ExitCodes.Ok, run.Output + run.Error);
        run.Output.Should().Contain("Hire 1 × 16 h caregiver with night for g (like nina).")
            .And.Contain("Proven the cheapest")
            .And.Contain("Uncovered person-shifts: before 2 (the least the staff can leave, proven), after 0.");
        var problem = ProblemReader.Read(Problem).Value!;
        var candidates = CandidateReader.Read(Candidates, problem).Value!;
        var rota = RotaReader.Read(await File.ReadAllTextAsync(rotaPath), Candidate.WithHires(problem, candidates)).Value!;
        var hires = rota.Assignments.Select(a => a.CaregiverId).Where(id => !problem.CaregiversById.ContainsKey(id)).ToHashSet();
        hires.Should().Equal(["cand-1"], "one copy of Nina, the first");
        RotaValidator.Validate(Candidate.WithHires(problem, candidates, hires), rota).Violations.Where(v => v.Severity == Severity.Hard).Should().BeEmpty();
    }

    [Theory]
    [InlineData("--lowest-child", "1", "Lowest child", "(target ≥ 1): reached.", ExitCodes.Ok, "Proven the fewest")]
    [InlineData("--distinct-per-week", "1", "Most distinct caregivers per week (a child's mean)", "(target ≤ 1): missed.", ExitCodes.HardViolations, "No rota reaches the target, whatever is hired: baby meets at least 2.0 distinct caregivers per week > 1.")]
    public async Task Advise_prints_the_target_with_the_scorers_figures_before_and_after(string option, string value, string what, string verdict, int exitCode, string why)
    {
        // Anna (40 h, exact) cannot work all 7 earlies: the child sees two caregivers a day-time week at least, so at most one cannot be reached (said, with why).
        var problemPath = RepoFiles.Scratch("advice-home.json");
        var candidatesPath = RepoFiles.Scratch("candidates.json");
        await File.WriteAllTextAsync(problemPath, Problem);
        await File.WriteAllTextAsync(candidatesPath, Candidates);

        var run = await ProgramRun.OfAsync("advise", problemPath, "--candidates", candidatesPath, option, value, "--time-limit", "10", "--deterministic", "--json");

        run.ExitCode.Should().Be(exitCode, run.Output + run.Error);
        var text = await ProgramRun.OfAsync("advise", problemPath, "--candidates", candidatesPath, option, value, "--time-limit", "10", "--deterministic");
        text.Output.Should().MatchRegex($@"{System.Text.RegularExpressions.Regex.Escape(what)} \d+\.\d → \d+\.\d {System.Text.RegularExpressions.Regex.Escape(verdict)}");
        text.Output.Should().Contain(why);
        run.Output.Should().Contain("\"targetReached\"");
    }

    [Fact]
    public void Advise_names_an_unknown_caregiver_to_copy_at_its_path()
    {
        var problemPath = RepoFiles.Scratch("advice-home.json");
        var candidatesPath = RepoFiles.Scratch("bad-candidates.json");
        File.WriteAllText(problemPath, Problem);
        File.WriteAllText(candidatesPath, """{ "candidates": [ { "like": "nobody" } ] }""");

        var run = CliRun.Of("advise", problemPath, "--candidates", candidatesPath);

        run.ExitCode.Should().Be(ExitCodes.BadInput);
        run.Error.Should().Contain("$.candidates[0].like: No caregiver 'nobody' in the problem to copy.");
    }
}
