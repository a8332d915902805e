using ContinuityScheduler.Cli.Samples;
using ContinuityScheduler.Domain.Json;

namespace ContinuityScheduler.Cli.Commands;

public static class SampleCommand
{
    public static int Run(string[] args, TextWriter output)
    {
        var arguments = new Arguments(args, []);
        arguments.Only("--out");
        var name = arguments.At(0, "NAME");
        if (!SamplePresets.All.TryGetValue(name, out var spec))
        {
            throw new UsageException($"Unknown sample '{name}'; the samples are {string.Join(", ", SamplePresets.All.Keys)}.");
        }

        var problem = HomeGenerator.Generate(spec);
        var path = arguments.Required("--out");
        Documents.Write(path, DocumentWriter.Write(problem));
        output.WriteLine($"Wrote {name}: {problem.Groups.Count} groups, {problem.Children.Count} children, {problem.Caregivers.Count} caregivers, {problem.Horizon.Weeks} week(s) from {IsoText.Of(problem.Horizon.Start)} to {path}.");
        return ExitCodes.Ok;
    }
}
