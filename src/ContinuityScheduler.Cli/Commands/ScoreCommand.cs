using System.CommandLine;
using System.Text.Json;
using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Domain.Scoring;

namespace ContinuityScheduler.Cli.Commands;

public static class ScoreCommand
{
    public static Command Create()
    {
        var problemPath = CliOptions.File("PROBLEM", "the planning problem (JSON)");
        var rotaPath = CliOptions.File("ROTA", "the rota to score (JSON)");
        var json = CliOptions.Json();
        var command = new Command("score", "each child's continuity score and its parts (worst first), then groups and the institution")
        {
            problemPath, rotaPath, json,
        };
        command.SetAction(result => Run(result.GetRequiredValue(problemPath), result.GetRequiredValue(rotaPath), result.GetValue(json), result.InvocationConfiguration.Output));
        return command;
    }

    public static int Run(string problemPath, string rotaPath, bool json, TextWriter output)
    {
        var problem = Documents.Problem(problemPath);
        var rota = Documents.Rota(rotaPath, problem);
        var report = ContinuityScorer.Score(problem, rota);
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(report, JsonDefaults.Options));
            return ExitCodes.Ok;
        }

        var children = new TextTable("child", "group", "<3", "days", "D", "D/week", "core", "key-person", "moments", "same-night", "score");
        foreach (var c in report.Children)
        {
            children.Add(c.ChildId, c.GroupId, c.UnderThree ? "yes" : "", c.PresentDays, c.DistinctCaregivers, c.DistinctPerWeek, c.CoreShare, c.KeyPersonDays, c.KeyMoments, c.SameAdultNights, c.Score);
        }

        output.WriteLine($"Children (worst first), {rota.MadeBy} rota:");
        output.Write(children);
        output.WriteLine();
        var groups = new TextTable("group", "children", "mean", "weighted", "min", "D/week", "key-person", "moments");
        foreach (var g in report.Groups)
        {
            groups.Add(g.Name, g.Summary.Children, g.Summary.Mean, g.Summary.WeightedMean, g.Summary.Min, g.Summary.DistinctPerWeek, g.Summary.KeyPersonDays, g.Summary.KeyMoments);
        }

        var i = report.Institution;
        groups.Add("INSTITUTION", i.Children, i.Mean, i.WeightedMean, i.Min, i.DistinctPerWeek, i.KeyPersonDays, i.KeyMoments);
        output.Write(groups);
        return ExitCodes.Ok;
    }
}
