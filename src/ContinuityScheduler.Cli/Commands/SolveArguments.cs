using System.CommandLine;
using ContinuityScheduler.Solver;

namespace ContinuityScheduler.Cli.Commands;

/// <summary>The options solve, repair and advise share: where the rota goes, the engine's limits, and the output form.</summary>
public sealed class SolveArguments(bool outRequired = true)
{
    public Option<string> Out { get; } = CliOptions.Out("ROTA", "where to write the rota (written even when it breaks a rule)", outRequired);

    public Option<double> TimeLimit { get; } = CliOptions.Number("--time-limit", "S", "seconds the engine searches (work units with --deterministic)", 60, min: 1);

    public Option<double> Gap { get; } = CliOptions.Number("--gap", "G", "stop when the relative gap to the bound is at most G (0.05 = 5 %)", 0, min: 0);

    public Option<double> Threads { get; } = CliOptions.Number("--threads", "N", "engine workers; by the problem's size when not given", 0, min: 1);

    public Option<double> Seed { get; } = CliOptions.Number("--seed", "N", "the engine's random seed", 1, min: 1);

    public Option<bool> Deterministic { get; } = CliOptions.Flag("--deterministic", "the same rota on any machine under any load (one worker; the time limit counts work units)");

    public Option<bool> Json { get; } = CliOptions.Json();

    public void AddTo(Command command)
    {
        command.Add(Out);
        command.Add(TimeLimit);
        command.Add(Gap);
        command.Add(Threads);
        command.Add(Seed);
        command.Add(Deterministic);
        command.Add(Json);
    }

    public SolveOptions Options(ParseResult result) => new()
    {
        TimeLimit = TimeSpan.FromSeconds(result.GetValue(TimeLimit)),
        RelativeGap = result.GetValue(Gap),
        Threads = (int)result.GetValue(Threads),
        Seed = (int)result.GetValue(Seed),
        Deterministic = result.GetValue(Deterministic),
    };
}
