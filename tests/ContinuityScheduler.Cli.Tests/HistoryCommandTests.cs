using System.Text.Json.Nodes;
using ContinuityScheduler.Domain.Baseline;
using ContinuityScheduler.Domain.Json;

namespace ContinuityScheduler.Cli.Tests;

/// <summary>history on a hand-counted fortnight: one child, a rota republished (the later one counts), a Sunday sleep-in into the next rota's first morning.</summary>
public sealed class HistoryCommandTests
{
    // One group, one child under three, an early shift every day and a sleep-in on Sundays (21:00 to 08:00: with the child at the next wake-up).
    private const string Problem = """
        {
          "institution": { "id": "tiny", "timeZone": "Europe/Copenhagen", "keyMoments": { "wakeUp": "07:00", "bedtime": "19:30" } },
          "horizon": { "start": "2027-02-01", "weeks": 1 },
          "shiftTypes": [
            { "code": "E", "start": "07:00", "end": "15:00", "kind": "day" },
            { "code": "S", "start": "21:00", "end": "08:00", "kind": "sleep-in" }
          ],
          "groups": [ { "id": "robin", "name": "Robin" } ],
          "children": [ { "id": "ch-1", "birthDate": "2025-06-01", "memberships": [ { "groupId": "robin", "from": "2025-06-01" } ] } ],
          "caregivers": [
            { "id": "anna", "contract": { "hoursPerWeek": 37 } },
            { "id": "bo", "contract": { "hoursPerWeek": 37 } },
            { "id": "cy", "contract": { "hoursPerWeek": 37 } },
            { "id": "dag", "contract": { "hoursPerWeek": 10 } }
          ],
          "demands": [
            { "id": "robin-E", "groupIds": [ "robin" ], "shiftType": "E", "count": 1 },
            { "id": "robin-S", "groupIds": [ "robin" ], "shiftType": "S", "count": 1, "weekdays": [ "sunday" ] }
          ]
        }
        """;

    [Fact]
    public void The_childs_adults_are_counted_on_the_rota_in_force_each_day_with_the_night_before_the_first_morning()
    {
        var folder = Folder();
        try
        {
            var run = CliRun.Of("history", Path.Combine(folder, "problem.json"), "--rotas", Path.Combine(folder, "rotas"), "--child", "ch-1", "--by", "week", "--json");

            run.ExitCode.Should().Be(ExitCodes.Ok, run.Error);
            var view = JsonNode.Parse(run.Output)!;
            ((bool)view["underThree"]!).Should().BeTrue();
            var published = view["published"]!;
            // Week 1: anna Monday–Thursday, bo Friday–Sunday (dag's Sunday sleep-in starts after bedtime). Week 2 as republished:
            // bo every day, and dag at Monday's wake-up from the sleep-in before. cy's rota of week 2 was superseded.
            published["weeks"]!.AsArray().Select(w => ((string)w!["start"]!, (int)w["days"]!, (int)w["distinct"]!))
                .Should().Equal(("2027-02-01", 7, 2), ("2027-02-08", 7, 2));
            ((int)published["distinct"]!).Should().Be(3, "anna, bo and dag; never cy");
            ((int)published["days"]!).Should().Be(14);
            published["mostPresent"]!.AsArray().Select(p => ((string)p!["caregiverId"]!, (int)p["days"]!)).Should().Equal(("bo", 10), ("anna", 4), ("dag", 1));
            published["departures"]!.AsArray().Should().BeEmpty("one month only");

            // The reference: the hospital way of each horizon, its early shifts counted here from its assignments.
            var hospital = view["hospitalWay"]!["weeks"]!.AsArray().Select(w => (int)w!["distinct"]!).ToList();
            hospital.Should().Equal(HospitalWayEarlies("2027-02-01").Count, HospitalWayEarlies("2027-02-08").Append("dag").Distinct().Count());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_homes_table_prints_each_period_beside_the_hospital_way()
    {
        var folder = Folder();
        try
        {
            var run = CliRun.Of("history", Path.Combine(folder, "problem.json"), "--rotas", Path.Combine(folder, "rotas", "1.json"), Path.Combine(folder, "rotas", "3.json"), "--by", "month");

            run.ExitCode.Should().Be(ExitCodes.Ok, run.Error);
            run.Output.Should().Contain("the home, 1 children, 2027-02-01 to 2027-02-14 on 2 published rota(s)");
            run.Output.Should().Contain("Different adults a child met over the whole period, mean (under-threes) and most: 3.0 (3.0), most 3 published");
            var row = run.Output.Split('\n').Single(l => l.StartsWith("2027-02", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            row[..5].Should().Equal("2027-02", "1", "3.0", "3.0", "3");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_rota_naming_an_unknown_demand_is_reported_at_its_path()
    {
        var folder = Folder();
        try
        {
            File.WriteAllText(Path.Combine(folder, "rotas", "4.json"), $"[{Rota("2027-02-15", ("anna", 15, "robin-X"))}]");
            var run = CliRun.Of("history", Path.Combine(folder, "problem.json"), "--rotas", Path.Combine(folder, "rotas"));
            run.ExitCode.Should().Be(ExitCodes.BadInput);
            run.Error.Should().Contain("$[0].assignments[0].demandId");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Compare_with_a_history_adds_each_columns_year_view_its_rota_published_after_the_history()
    {
        var folder = Folder();
        try
        {
            var week3 = Path.Combine(folder, "week3.json");
            File.WriteAllText(week3, Problem.Replace("2027-02-01", "2027-02-15", StringComparison.Ordinal));
            var same = Path.Combine(folder, "same.json");
            File.WriteAllText(same, """{"name":"As it is","changes":[]}""");

            var run = CliRun.Of("compare", week3, same, "--time-limit", "2", "--history", Path.Combine(folder, "rotas"));

            run.ExitCode.Should().Be(ExitCodes.Ok, run.Error);
            run.Output.Should().Contain("The year view: 3 published rota(s) with each column's rota published after them (on dates both cover, the column's), 2027-02-01 to 2027-02-21");
            string[] Row(string label) => run.Output.Split('\n').Single(l => l.StartsWith($"| {label} |", StringComparison.Ordinal)).Split('|', StringSplitOptions.TrimEntries)[2..^1];

            // The hospital-way column over the three weeks: anna, bo and dag from the history, and its own early shifts of week 3.
            var earlies = HospitalWayEarlies("2027-02-15");
            var adults = earlies.Union(["anna", "bo", "dag"]).Count();
            var perWeek = (2 + 2 + earlies.Count) / 3.0;
            Row("year: different adults a child met, mean (under-threes)")[0].Should().Be($"{adults}.0 ({adults}.0)");
            Row("year: adults per child per week, mean")[0].Should().Be(perWeek.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture));
            double.Parse(Row("year: the most one child met")[1], System.Globalization.CultureInfo.InvariantCulture).Should().BeGreaterThanOrEqualTo(3, "the scenario's year holds the history's three adults too");
            Row("year, the hospital way: different adults, mean (under-threes)").Should().HaveCount(2).And.OnlyContain(v => v.Length > 0 && v != "–");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The problem and three rota files: week 1; week 2 with cy; week 2 again with bo, published after it.</summary>
    private static string Folder()
    {
        var folder = Directory.CreateTempSubdirectory("continuity-history-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "rotas"));
        File.WriteAllText(Path.Combine(folder, "problem.json"), Problem);
        File.WriteAllText(Path.Combine(folder, "rotas", "1.json"), Rota("2027-02-01", [.. Days(1, 4, "anna"), .. Days(5, 7, "bo"), ("dag", 7, "robin-S")]));
        File.WriteAllText(Path.Combine(folder, "rotas", "2.json"), Rota("2027-02-08", [.. Days(8, 14, "cy"), ("dag", 14, "robin-S")]));
        File.WriteAllText(Path.Combine(folder, "rotas", "3.json"), Rota("2027-02-08", [.. Days(8, 14, "bo"), ("dag", 14, "robin-S")]));
        return folder;
    }

    private static IEnumerable<(string, int, string)> Days(int first, int last, string caregiver) =>
        Enumerable.Range(first, last - first + 1).Select(day => (caregiver, day, "robin-E"));

    private static string Rota(string start, params (string Caregiver, int Day, string Demand)[] shifts) => new JsonObject
    {
        ["horizon"] = new JsonObject { ["start"] = start, ["weeks"] = 1 },
        ["madeBy"] = "manual",
        ["assignments"] = new JsonArray([.. shifts.Select(s => (JsonNode)new JsonObject { ["caregiverId"] = s.Caregiver, ["date"] = $"2027-02-{s.Day:00}", ["demandId"] = s.Demand })]),
    }.ToJsonString();

    private static List<string> HospitalWayEarlies(string start)
    {
        var problem = ProblemReader.Read(Problem.Replace("2027-02-01", start, StringComparison.Ordinal)).Value!;
        return [.. HospitalWay.Generate(problem).Assignments.Where(a => a.DemandId == "robin-E").Select(a => a.CaregiverId).Distinct()];
    }
}
