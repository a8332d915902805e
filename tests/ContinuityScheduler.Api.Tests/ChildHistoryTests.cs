using System.Net;
using System.Text.Json.Nodes;
using ContinuityScheduler.Domain.Scoring;
using ContinuityScheduler.Domain.Shifts;
using NodaTime;

namespace ContinuityScheduler.Api.Tests;

/// <summary>A child's caregivers over the published rotas of a period, checked against the domain's own count on the stored rotas.</summary>
public sealed class ChildHistoryTests : IDisposable
{
    private readonly ApiFactory factory = new();

    public void Dispose()
    {
        factory.Dispose();
        factory.DeleteData();
    }

    [Fact]
    public async Task A_childs_history_counts_the_published_days_of_the_period_and_the_hospital_ways_beside_them()
    {
        var home = await Tenant.FromSampleAsync(factory, "small-home");
        var weeks = new List<string>();
        foreach (var start in new[] { "2026-11-30", "2026-12-07" })
        {
            var rota = await home.HospitalWayAsync(start, 1);
            (await home.Client.PostAsync($"{home.Base}/rotas/{rota}/publish?confirm=true", null)).StatusCode.Should().Be(HttpStatusCode.OK);
            weeks.Add(rota);
        }

        var (problem, first) = await home.RotaAndProblemAsync(weeks[0]);
        var (nextProblem, second) = await home.RotaAndProblemAsync(weeks[1]);
        var child = problem.Children[0];
        var expected = new Dictionary<LocalDate, IReadOnlySet<string>>();
        foreach (var (p, r) in new[] { (problem, first), (nextProblem, second) })
        {
            foreach (var (date, caregivers) in ContinuityScorer.Contacts(new ResolvedRota(p, r), p.Children.Single(c => c.Id == child.Id)))
            {
                expected[date] = caregivers;
            }
        }

        var history = await home.GetJsonAsync($"children/{child.Id}/history?from=2026-11-30&to=2026-12-13");
        var published = history["published"]!;
        var want = ChildHistory.Of(child.Id, expected);
        ((int)published["days"]!).Should().Be(want.Days).And.Be(14);
        ((int)published["distinct"]!).Should().Be(want.Distinct);
        published["weeks"]!.AsArray().Select(w => (int)w!["distinct"]!).Should().Equal(want.Weeks.Select(w => w.Distinct));
        published["mostPresent"]!.AsArray().Select(p => (string)p!["caregiverId"]!).Should().Equal(want.MostPresent.Select(p => p.CaregiverId));
        // The published rotas are the hospital way's here, so the reference is the same history.
        history["hospitalWay"]!.ToJsonString().Should().Be(published.ToJsonString());
        ((bool)history["underThree"]!).Should().Be(child.IsUnderThreeOn(new LocalDate(2026, 12, 13)));

        var lastWeek = await home.GetJsonAsync($"children/{child.Id}/history?from=2026-12-07&to=2026-12-13");
        ((int)lastWeek["published"]!["days"]!).Should().Be(7, "only the period's days are read");
        var defaulted = await home.GetJsonAsync($"children/{child.Id}/history");
        ((string)defaulted["to"]!).Should().Be("2026-12-13", "the period ends at the last published date unless asked");
    }

    [Theory]
    [InlineData("children/{child}/history?from=2026-13-01", 400, "$.from")]
    [InlineData("children/{child}/history?from=2026-12-10&to=2026-12-01", 400, "$.to")]
    [InlineData("children/{child}/history?from=2020-01-01&to=2026-12-01", 400, "$.from")]
    [InlineData("children/nobody/history", 404, "$.childId")]
    [InlineData("children/%20x/history", 400, "$.childId")]
    public async Task A_bad_period_or_an_unknown_child_is_a_problem_naming_the_field(string path, int status, string? field)
    {
        var home = await Tenant.FromSampleAsync(factory, "small-home");
        var child = (string)(await home.GetJsonAsync("children")).AsArray()[0]!["id"]!;

        var response = await home.Client.GetAsync($"{home.Base}/{path.Replace("{child}", child, StringComparison.Ordinal)}");

        var problem = await ProblemDocument.ShouldBeAsync(response, status);
        if (field is not null)
        {
            problem["errors"]!.AsArray().Select(e => (string)e!["path"]!).Should().Contain(field);
        }
    }
}
