using System.Net;
using System.Text.Json.Nodes;
using ContinuityScheduler.Domain.Baseline;
using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Scoring;
using ContinuityScheduler.Domain.Shifts;

namespace ContinuityScheduler.Api.Tests;

/// <summary>A group's and the institution's caregivers over the published rotas of a period: the children's own histories, aggregated.</summary>
public sealed class GroupHistoryTests : IDisposable
{
    private const string Period = "from=2026-11-30&to=2026-12-13";

    private readonly ApiFactory factory = new();

    public void Dispose()
    {
        factory.Dispose();
        factory.DeleteData();
    }

    [Fact]
    public async Task A_groups_and_the_institutions_history_aggregate_their_childrens_histories_on_both_sides()
    {
        var home = await Tenant.FromSampleAsync(factory, "small-home");
        // A hospital-way week, then a solved one: the published side and the reference differ in the second week.
        var rotas = new List<string> { await home.HospitalWayAsync("2026-11-30", 1) };
        (await home.Client.PostAsync($"{home.Base}/rotas/{rotas[0]}/publish?confirm=true", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        rotas.Add((string)(await home.SolveAsync("2026-12-07", weeks: 1, seconds: 3))["rotaId"]!);
        (await home.Client.PostAsync($"{home.Base}/rotas/{rotas[1]}/publish?confirm=true", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        var children = new List<(string Id, string GroupId, JsonNode History)>();
        foreach (var child in (await home.GetJsonAsync("children")).AsArray())
        {
            var id = (string)child!["id"]!;
            children.Add((id, (string)child["memberships"]![0]!["groupId"]!, await home.GetJsonAsync($"children/{id}/history?{Period}")));
        }

        var robin = await home.GetJsonAsync($"groups/robin/history?{Period}");
        var institution = await home.GetJsonAsync($"history?{Period}");

        ((string)robin["groupId"]!, (string)robin["from"]!, (string)robin["to"]!).Should().Be(("robin", "2026-11-30", "2026-12-13"));
        ((string)institution["institutionId"]!).Should().Be(home.Id);
        var inRobin = children.Where(c => c.GroupId == "robin").ToList();
        inRobin.Should().NotBeEmpty().And.HaveCountLessThan(children.Count, "small-home has two groups");
        institution["published"]!.ToJsonString().Should().NotBe(institution["hospitalWay"]!.ToJsonString(), "the sides must differ for the test to tell them apart");
        foreach (var side in new[] { "published", "hospitalWay" })
        {
            ShouldAggregate(robin[side]!, inRobin, side);
            ShouldAggregate(institution[side]!, children, side);
        }

        // The adults met at all are not in the children's answers (those list ten at most): count them on the stored rotas.
        var stored = new List<(PlanningProblem Problem, Rota Rota)>();
        foreach (var rota in rotas)
        {
            stored.Add(await home.RotaAndProblemAsync(rota));
        }

        int Met(bool hospitalWay, Func<Child, bool> chosen) => stored
            .SelectMany(s => s.Problem.Children.Where(chosen).SelectMany(c => ContinuityScorer.Contacts(new ResolvedRota(s.Problem, hospitalWay ? HospitalWay.Generate(s.Problem) : s.Rota), c).Values))
            .SelectMany(caregivers => caregivers).Distinct(StringComparer.Ordinal).Count();
        var robinIds = inRobin.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        ((int)robin["published"]!["distinct"]!).Should().Be(Met(false, c => robinIds.Contains(c.Id)));
        ((int)robin["hospitalWay"]!["distinct"]!).Should().Be(Met(true, c => robinIds.Contains(c.Id)));
        ((int)institution["published"]!["distinct"]!).Should().Be(Met(false, _ => true));
        ((int)institution["hospitalWay"]!["distinct"]!).Should().Be(Met(true, _ => true));
        ((int)institution["published"]!["distinct"]!).Should().BeGreaterThanOrEqualTo((int)robin["published"]!["distinct"]!);

        var defaulted = await home.GetJsonAsync("groups/robin/history");
        ((string)defaulted["to"]!).Should().Be("2026-12-13", "the period ends at the last published date unless asked");
        var lastWeek = await home.GetJsonAsync("history?from=2026-12-07&to=2026-12-13");
        lastWeek["published"]!["weeks"]!.AsArray().Select(w => (string)w!["start"]!).Should().Equal(["2026-12-07"], "only the period's days are read");
    }

    [Fact]
    public async Task A_child_who_moves_counts_in_each_group_on_its_days_there_and_in_the_institution_on_all()
    {
        var home = await Tenant.FromSampleAsync(factory, "small-home");
        var child = (await home.GetJsonAsync("children/ch-001")).AsObject();
        // In robin Monday 30 Nov to Wednesday 2 Dec, in wren from Thursday 3 Dec: 3 days in robin, 4 in wren, 7 in the institution.
        child["memberships"] = new JsonArray(
            new JsonObject { ["groupId"] = "robin", ["from"] = "2025-08-21", ["to"] = "2026-12-02" },
            new JsonObject { ["groupId"] = "wren", ["from"] = "2026-12-03" });
        (await home.Client.PutAsync($"{home.Base}/children/ch-001", Tenant.Json(child))).StatusCode.Should().Be(HttpStatusCode.OK);
        var rota = await home.HospitalWayAsync("2026-11-30", 1);
        (await home.Client.PostAsync($"{home.Base}/rotas/{rota}/publish?confirm=true", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        async Task<int> DaysIn(string path) => (int)(await home.GetJsonAsync($"{path}?from=2026-11-30&to=2026-12-06"))["published"]!["children"]!.AsArray()
            .Single(r => (string)r!["childId"]! == "ch-001")!["days"]!;

        (await DaysIn("groups/robin/history")).Should().Be(3);
        (await DaysIn("groups/wren/history")).Should().Be(4);
        (await DaysIn("history")).Should().Be(7);
    }

    [Theory]
    [InlineData("groups/robin/history?from=2026-13-01", 400, "$.from")]
    [InlineData("groups/robin/history?from=2026-12-10&to=2026-12-01", 400, "$.to")]
    [InlineData("groups/robin/history?from=2020-01-01&to=2026-12-01", 400, "$.from")]
    [InlineData("groups/nobody/history", 404, "$.groupId")]
    [InlineData("groups/%20x/history?to=x", 400, "$.groupId")]
    [InlineData("history?to=2026-02-30", 400, "$.to")]
    [InlineData("history?from=2026-12-10&to=2026-12-01", 400, "$.to")]
    [InlineData("history?from=2020-01-01&to=2026-12-01", 400, "$.from")]
    public async Task A_bad_period_or_an_unknown_group_is_a_problem_naming_the_field(string path, int status, string field)
    {
        var home = await Tenant.FromSampleAsync(factory, "small-home");

        var response = await home.Client.GetAsync($"{home.Base}/{path}");

        var problem = await ProblemDocument.ShouldBeAsync(response, status);
        problem["errors"]!.AsArray().Select(e => (string)e!["path"]!).Should().Contain(field);
    }

    [Fact]
    public async Task A_group_with_nothing_published_has_no_children_and_no_periods()
    {
        var home = await Tenant.FromSampleAsync(factory, "small-home");

        var history = await home.GetJsonAsync($"groups/wren/history?{Period}");

        history["published"]!["children"]!.AsArray().Should().BeEmpty();
        history["published"]!["weeks"]!.AsArray().Should().BeEmpty();
        ((int)history["hospitalWay"]!["distinct"]!).Should().Be(0);
    }

    /// <summary>A group's (or the institution's) figures on one side, recomputed here from its children's own answers on that side.</summary>
    private static void ShouldAggregate(JsonNode actual, List<(string Id, string GroupId, JsonNode History)> children, string side)
    {
        var rows = children.Select(c => (c.Id, UnderThree: (bool)c.History["underThree"]!, History: c.History[side]!))
            .Where(c => (int)c.History["days"]! > 0)
            .OrderBy(c => c.Id, StringComparer.Ordinal)
            .ToList();
        rows.Should().NotBeEmpty();
        actual["children"]!.AsArray().Select(r => ((string)r!["childId"]!, (bool)r["underThree"]!, (int)r["days"]!, (int)r["distinct"]!, (int)r["departures"]!))
            .Should().Equal(rows.Select(c => (c.Id, c.UnderThree, (int)c.History["days"]!, (int)c.History["distinct"]!, c.History["departures"]!.AsArray().Count)), side);
        ((int)actual["departures"]!).Should().Be(rows.Sum(c => c.History["departures"]!.AsArray().Count), side);
        foreach (var periods in new[] { "weeks", "months", "years" })
        {
            var expected = rows
                .SelectMany(c => c.History[periods]!.AsArray().Select(p => (c.UnderThree, Start: (string)p!["start"]!, Distinct: (int)p["distinct"]!)))
                .GroupBy(p => p.Start)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => (g.Key, g.Count(), g.Average(p => p.Distinct), g.Max(p => p.Distinct), g.Any(p => p.UnderThree) ? g.Where(p => p.UnderThree).Average(p => p.Distinct) : (double?)null))
                .ToList();
            expected.Should().NotBeEmpty();
            actual[periods]!.AsArray()
                .Select(p => ((string)p!["start"]!, (int)p["children"]!, (double)p["meanDistinct"]!, (int)p["maxDistinct"]!, (double?)p["underThreeMeanDistinct"]))
                .Should().Equal(expected, $"{side} {periods}");
        }
    }
}
