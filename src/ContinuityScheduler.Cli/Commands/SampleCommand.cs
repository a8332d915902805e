using System.CommandLine;
using ContinuityScheduler.Cli.Samples;
using ContinuityScheduler.Domain.Json;

namespace ContinuityScheduler.Cli.Commands;

public static class SampleCommand
{
    public static Command Create()
    {
        var name = CliOptions.NoOptions(new Argument<string>("NAME") { Description = $"the sample: {string.Join(", ", SamplePresets.All.Keys)}" });
        name.AcceptOnlyFromAmong([.. SamplePresets.All.Keys]);
        var outPath = CliOptions.Out("PROBLEM", "where to write the planning problem");
        var command = new Command("sample", "write a sample home") { name, outPath };
        command.SetAction(result => Run(result.GetRequiredValue(name), result.GetRequiredValue(outPath), result.InvocationConfiguration.Output));
        return command;
    }

    public static int Run(string name, string path, TextWriter output)
    {
        var problem = HomeGenerator.Generate(SamplePresets.All[name]);
        Documents.Write(path, DocumentWriter.Write(problem));
        output.WriteLine($"Wrote {name}: {problem.Groups.Count} groups, {problem.Children.Count} children, {problem.Caregivers.Count} caregivers, {problem.Horizon.Weeks} week(s) from {IsoText.Of(problem.Horizon.Start)} to {path}.");
        return ExitCodes.Ok;
    }
}
