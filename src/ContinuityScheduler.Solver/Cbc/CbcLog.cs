using System.Globalization;
using System.Text.RegularExpressions;

namespace ContinuityScheduler.Solver.Cbc;

/// <summary>Reads CBC's log lines for the numbers that matter while it runs: new incumbents and the best bound.</summary>
internal static partial class CbcLog
{
    /// <summary>CBC's "no solution yet" stand-in for an objective.</summary>
    private const double Infinity = 1e49;

    /// <summary>The incumbent and bound a line reports, each null when the line does not report it.</summary>
    public static (double? Incumbent, double? Bound) Read(string line)
    {
        var solution = IntegerSolution().Match(line);
        if (solution.Success)
        {
            return (Parse(solution.Groups[1].Value), null);
        }

        var progress = NodeProgress().Match(line);
        if (progress.Success)
        {
            return (Parse(progress.Groups[1].Value), Parse(progress.Groups[2].Value));
        }

        var root = ContinuousObjective().Match(line);
        if (root.Success)
        {
            return (null, Parse(root.Groups[1].Value));
        }

        var final = LowerBound().Match(line);
        return final.Success ? (null, Parse(final.Groups[1].Value)) : (null, null);
    }

    private static double? Parse(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && Math.Abs(value) < Infinity ? value : null;

    [GeneratedRegex(@"Integer solution of (\S+) found")]
    private static partial Regex IntegerSolution();

    [GeneratedRegex(@"After \d+ nodes, \d+ on tree, (\S+) best solution, best possible (\S+)")]
    private static partial Regex NodeProgress();

    [GeneratedRegex(@"^Continuous objective value is (\S+)")]
    private static partial Regex ContinuousObjective();

    [GeneratedRegex(@"^Lower bound:\s+(\S+)")]
    private static partial Regex LowerBound();
}
