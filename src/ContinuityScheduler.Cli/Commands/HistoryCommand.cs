using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Scoring;
using NodaTime;

namespace ContinuityScheduler.Cli.Commands;

/// <summary>
/// The year view on rota files: how many different adults the children met per week, month or year over published rotas,
/// beside the hospital way of the same horizons — the figures of the service's history endpoints, by the same Domain code.
/// </summary>
public static class HistoryCommand
{
    public static Command Create()
    {
        var problemPath = CliOptions.File("PROBLEM", "the planning problem whose data the rotas were made for (JSON); its history goes before the first rota");
        var rotas = new Option<string[]>("--rotas")
        {
            Description = "the published rotas, one after another: files (a rota with its horizon, or an array of them) or folders of them",
            HelpName = "FILE|DIR",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var child = CliOptions.Text("--child", "ID", "one child's history: its adults per period, who was there most, who left", required: false);
        var group = CliOptions.Text("--group", "ID", "one group's children, each on its days in the group", required: false);
        var by = new Option<string>("--by") { Description = "the periods of the table", HelpName = "week|month|year", DefaultValueFactory = _ => "month" };
        by.AcceptOnlyFromAmong("week", "month", "year");
        var json = CliOptions.Json();
        var command = new Command("history", "caregivers over time on published rotas against the hospital way: the distinct adults a child met per week, month or year, the home's, a group's or a child's")
        {
            problemPath, rotas, child, group, by, json,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(child) is not null && result.GetResult(group) is not null)
            {
                result.AddError("Give --child or --group, not both.");
            }
        });
        command.SetAction(result => Run(
            result.GetRequiredValue(problemPath), result.GetRequiredValue(rotas), result.GetValue(child), result.GetValue(group), result.GetValue(by)!, result.GetValue(json),
            result.InvocationConfiguration.Output));
        return command;
    }

    public static int Run(string problemPath, IReadOnlyList<string> rotaPaths, string? childId, string? groupId, string by, bool json, TextWriter output)
    {
        var basis = Documents.Problem(problemPath);
        var published = PublishedRotas.Read(basis, rotaPaths);
        var (from, to) = Span(published);
        if (childId is not null)
        {
            return Child(published, childId, from, to, by, json, output);
        }

        if (groupId is not null && !published.Any(r => r.Problem.GroupsById.ContainsKey(groupId)))
        {
            throw new UsageException($"--group: no group '{groupId}' in the problem.");
        }

        var (mine, reference) = groupId is null
            ? PublishedRota.Contacts(published, to, _ => true)
            : PublishedRota.Contacts(published, to, c => c.Memberships.Any(m => m.GroupId == groupId), (c, contacts) => GroupHistory.InGroup(contacts, c, groupId));
        var (ours, hospitalWay) = (GroupHistory.Of(mine), GroupHistory.Of(reference));
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(new { groupId, from, to, published = ours, hospitalWay }, JsonDefaults.Options));
            return ExitCodes.Ok;
        }

        output.WriteLine($"Caregivers over time: {(groupId is null ? "the home" : $"group {groupId}")}, {ours.Children.Count} children, {Iso(from)} to {Iso(to)} on {published.Count} published rota(s); the reference is the hospital way of the same horizons.");
        output.WriteLine($"Different adults a child met over the whole period, mean (under-threes) and most: {Whole(ours)} published, {Whole(hospitalWay)} the hospital way.");
        output.WriteLine($"Adults the children met at all: {ours.Distinct} published, {hospitalWay.Distinct} the hospital way; departures of a familiar adult: {ours.Departures} and {hospitalWay.Departures}.");
        output.WriteLine();
        var table = new TextTable(by, "children", "mean", "<3 mean", "most", "hospital way mean", "<3 mean", "most");
        var referenceByStart = Periods(hospitalWay, by).ToDictionary(p => p.Start);
        foreach (var period in Periods(ours, by))
        {
            var other = referenceByStart.GetValueOrDefault(period.Start);
            table.Add(Label(period.Start, by), period.Children, Round(period.MeanDistinct), Round(period.UnderThreeMeanDistinct), period.MaxDistinct, Round(other?.MeanDistinct), Round(other?.UnderThreeMeanDistinct), other?.MaxDistinct);
        }

        output.Write(table);
        return ExitCodes.Ok;
    }

    private static int Child(IReadOnlyList<PublishedRota> published, string childId, LocalDate from, LocalDate to, string by, bool json, TextWriter output)
    {
        var (mine, reference) = PublishedRota.Contacts(published, to, c => c.Id == childId);
        if (mine.Count == 0)
        {
            throw new UsageException($"--child: no child '{childId}' in the problem.");
        }

        var (ours, hospitalWay) = (ChildHistory.Of(childId, mine[0].Contacts), ChildHistory.Of(childId, reference[0].Contacts));
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(new { childId, from, to, underThree = mine[0].UnderThree, published = ours, hospitalWay }, JsonDefaults.Options));
            return ExitCodes.Ok;
        }

        output.WriteLine($"Caregivers over time: child {childId}{(mine[0].UnderThree ? " (under three)" : "")}, {ours.Days} days from {Iso(from)} to {Iso(to)} on {published.Count} published rota(s).");
        output.WriteLine($"Different adults over the whole period: {ours.Distinct} published, {hospitalWay.Distinct} the hospital way.");
        output.WriteLine($"There most: {string.Join(", ", ours.MostPresent.Select(p => $"{p.CaregiverId} ({p.Days} days)"))}.");
        output.WriteLine(ours.Departures.Count == 0
            ? "No familiar adult left."
            : $"Familiar adults who left: {string.Join(", ", ours.Departures.Select(d => $"{d.CaregiverId} (last there {Iso(d.LastSeen)}, not in {d.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture)})"))}.");
        output.WriteLine();
        var table = new TextTable(by, "days", "adults", "hospital way adults");
        var referenceByStart = Periods(hospitalWay, by).ToDictionary(p => p.Start);
        foreach (var period in Periods(ours, by))
        {
            table.Add(Label(period.Start, by), period.Days, period.Distinct, referenceByStart.GetValueOrDefault(period.Start)?.Distinct);
        }

        output.Write(table);
        return ExitCodes.Ok;
    }

    private static (LocalDate From, LocalDate To) Span(IReadOnlyList<PublishedRota> published)
    {
        var dates = published.SelectMany(r => r.Dates).ToList();
        return (dates.Min(), dates.Max());
    }

    private static IReadOnlyList<GroupHistoryPeriod> Periods(GroupHistory history, string by) => by switch
    {
        "week" => history.Weeks,
        "year" => history.Years,
        _ => history.Months,
    };

    private static IReadOnlyList<HistoryPeriod> Periods(ChildHistory history, string by) => by switch
    {
        "week" => history.Weeks,
        "year" => history.Years,
        _ => history.Months,
    };

    private static string Whole(GroupHistory history)
    {
        var figures = YearFigures.Of(history);
        return $"{Round(figures.MeanDistinct)}{(figures.UnderThreeMeanDistinct is { } u ? $" ({Round(u)})" : "")}, most {figures.MaxDistinct}";
    }

    private static string Label(LocalDate start, string by) => by switch
    {
        "week" => Iso(start),
        "year" => start.Year.ToString(CultureInfo.InvariantCulture),
        _ => start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
    };

    private static string Iso(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Round(double? value) => value?.ToString("0.0", CultureInfo.InvariantCulture);
}
