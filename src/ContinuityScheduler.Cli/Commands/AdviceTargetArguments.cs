using System.CommandLine;
using ContinuityScheduler.Solver.Advice;

namespace ContinuityScheduler.Cli.Commands;

/// <summary>The score bounds advise and compare share: each unset unless given.</summary>
public sealed class AdviceTargetArguments
{
    public Option<double> LowestChild { get; } = CliOptions.Number("--lowest-child", "N", "the target: the lowest child's continuity score at least N (0-100), judged by the scorer", 0, min: 0);

    public Option<double> UnderThreesMean { get; } = CliOptions.Number("--under-threes-mean", "N", "the target: the under-threes' mean continuity score at least N", 0, min: 0);

    public Option<double> DistinctPerWeek { get; } = CliOptions.Number("--distinct-per-week", "N", "the target: each child's mean distinct caregivers per week at most N", 0, min: 0);

    public void AddTo(Command command)
    {
        command.Add(LowestChild);
        command.Add(UnderThreesMean);
        command.Add(DistinctPerWeek);
    }

    public AdviceTarget Target(ParseResult result) => new()
    {
        LowestChildAtLeast = Given(result, LowestChild),
        UnderThreesMeanAtLeast = Given(result, UnderThreesMean),
        DistinctPerWeekAtMost = Given(result, DistinctPerWeek),
    };

    /// <summary>An option's value when given on the command line; null when left out (a score bound unset).</summary>
    private static double? Given(ParseResult result, Option<double> option) =>
        result.GetResult(option) is { Implicit: false } ? result.GetValue(option) : null;
}
