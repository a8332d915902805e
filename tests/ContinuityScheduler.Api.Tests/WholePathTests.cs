using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Domain.Scoring;
using CsvHelper;
using NodaTime.Text;

namespace ContinuityScheduler.Api.Tests;

/// <summary>
/// The path an HR system takes: create the institution, import baby-home, solve, read continuity, publish, solve the next
/// horizon on top of it, export payroll and calendars. Results are checked with the domain's own validator and scorer.
/// </summary>
public sealed class WholePathTests : IDisposable
{
    // Repeatable mode: time limits count the engine's work units, so what the test sees does not depend on the machine's load.
    private readonly ApiFactory factory = new(new Dictionary<string, string> { ["ContinuityScheduler:Jobs:Deterministic"] = "true" });

    public void Dispose()
    {
        factory.Dispose();
        factory.DeleteData();
    }

    [Fact]
    public async Task Import_solve_publish_and_the_next_horizon_builds_on_the_published_rota()
    {
        var home = await Tenant.FromSampleAsync(factory, "baby-home");
        // Baby-home's contracts are met within ±8 h over four weeks; one-week horizons keep CI short, so the tolerance goes with them.
        await home.SetRuleAsync("contract-hours", new JsonObject { ["limit"] = 8, ["weeks"] = 1 });

        var first = await home.SolveAsync("2026-11-30", weeks: 1, seconds: 10);
        ((string)first["state"]!).Should().Be("succeeded", first.ToJsonString());
        var rotaId = (string)first["rotaId"]!;

        // The continuity the API reports is the scorer's on the rota and problem the API stored.
        var (problem, rota) = await home.RotaAndProblemAsync(rotaId);
        var expected = ContinuityScorer.Score(problem, rota);
        var continuity = await home.GetJsonAsync($"rotas/{rotaId}/continuity");
        continuity["children"]!.AsArray().Should().HaveCount(expected.Children.Count).And.HaveCount(problem.Children.Count);
        foreach (var child in continuity["children"]!.AsArray())
        {
            var mine = expected.Children.Single(c => c.ChildId == (string)child!["childId"]!);
            ((double)child!["score"]!).Should().BeApproximately(mine.Score, 1e-9);
        }

        ((double)continuity["institution"]!["mean"]!).Should().BeApproximately(expected.Institution.Mean, 1e-9);
        RotaValidator.Validate(problem, rota).IsValid.Should().BeTrue("a week of baby-home can be staffed in full within every rule");
        var violations = await home.GetJsonAsync($"rotas/{rotaId}/violations");
        ((int)violations["hardCount"]!).Should().Be(RotaValidator.Validate(problem, rota).HardCount);

        // Publishing makes the rota the history of the next horizon.
        var published = await home.Client.PostAsync($"{home.Base}/rotas/{rotaId}/publish", null);
        published.StatusCode.Should().Be(HttpStatusCode.OK, await published.Content.ReadAsStringAsync());
        var second = await home.SolveAsync("2026-12-07", weeks: 1, seconds: 10);
        ((string)second["state"]!).Should().Be("succeeded", second.ToJsonString());
        var (nextProblem, nextRota) = await home.RotaAndProblemAsync((string)second["rotaId"]!);
        var lastWeek = rota.Assignments.Select(a => (a.CaregiverId, a.Date)).ToHashSet();
        nextProblem.History.Shifts.Select(s => (s.CaregiverId, s.Date)).Should().Contain(lastWeek);
        // The published week binds the next one: after the sample's history it leaves every night caregiver without a
        // weekend to spare in the 4-week free-weekend window, so some nights may be impossible to staff. The promise is
        // that every rule holds across the boundary and any post left empty is the proven minimum the API reports.
        var nextValidation = RotaValidator.Validate(nextProblem, nextRota);
        var shortfall = nextValidation.Violations.Where(v => v is { Code: "coverage", Severity: Severity.Hard, DemandId: not null })
            .Sum(v => (v.Limit ?? 0) - (v.Measured ?? 0));
        nextValidation.Violations.Where(v => v.Severity == Severity.Hard && v.Code != "coverage").Should().BeEmpty("the next week keeps every labour rule, history included");
        ((double?)second["result"]!["uncoveredMinimum"]).Should().Be(shortfall, second.ToJsonString());

        await PayrollParsesAndAddsUp(home, rotaId, problem, rota);
        await CalendarParsesWithEveryPublishedShift(home, rota);
    }

    private static async Task PayrollParsesAndAddsUp(Tenant home, string rotaId, PlanningProblem problem, Rota rota)
    {
        var response = await home.Client.GetAsync($"{home.Base}/rotas/{rotaId}/payroll.csv");
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        using var reader = CsvReader.FromText(await response.Content.ReadAsStringAsync(), new CsvReaderOptions());
        var rows = new List<(string Caregiver, string Date, double Worked, double Paid)>();
        while (reader.Read())
        {
            rows.Add((
                reader.GetString("caregiverId"),
                reader.GetString("date"),
                double.Parse(reader.GetString("workedHours"), CultureInfo.InvariantCulture),
                double.Parse(reader.GetString("paidHours"), CultureInfo.InvariantCulture)));
        }

        var shifts = new Domain.Shifts.ResolvedRota(problem, rota).RotaShifts;
        rows.Should().HaveCount(shifts.Select(s => (s.CaregiverId, s.Date)).Distinct().Count());
        rows.Sum(r => r.Worked).Should().BeApproximately(shifts.Sum(s => s.WorkingHours), 0.01 * rows.Count);
        rows.Sum(r => r.Paid).Should().BeApproximately(shifts.Sum(s => s.PaidHours), 0.01 * rows.Count);
    }

    private static async Task CalendarParsesWithEveryPublishedShift(Tenant home, Rota rota)
    {
        var caregiver = rota.Assignments.GroupBy(a => a.CaregiverId).MaxBy(g => g.Count())!;
        var response = await home.Client.GetAsync($"{home.Base}/caregivers/{caregiver.Key}/calendar.ics");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var text = await response.Content.ReadAsStringAsync();
        var events = ICalendarText.Parse(text);
        events.Should().HaveCount(caregiver.Count(), "every shift of the one published rota is an event");
        events.Should().OnlyContain(e => e.ContainsKey("UID") && e.ContainsKey("DTSTART") && e.ContainsKey("DTEND") && e.ContainsKey("DTSTAMP"));
        events.Select(e => e["UID"]).Should().OnlyHaveUniqueItems();
    }
}
