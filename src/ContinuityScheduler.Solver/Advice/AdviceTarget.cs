using System.Globalization;
using ContinuityScheduler.Domain.Scoring;

namespace ContinuityScheduler.Solver.Advice;

/// <summary>
/// What the hires must reach. No uncovered post always; each score bound only when set, judged by the scorer on the
/// rota with the hires (the scores are ratios, so the model cannot hold them exactly).
/// </summary>
public sealed record AdviceTarget
{
    /// <summary>The lowest child's continuity score at least this (0–100).</summary>
    public double? LowestChildAtLeast { get; init; }

    /// <summary>The mean continuity score of the children under three at least this (0–100).</summary>
    public double? UnderThreesMeanAtLeast { get; init; }

    /// <summary>Each child's mean distinct caregivers per week (D̄w) at most this.</summary>
    public double? DistinctPerWeekAtMost { get; init; }

    /// <summary>Only "no uncovered posts": every score bound unset.</summary>
    public bool CoverageOnly => LowestChildAtLeast is null && UnderThreesMeanAtLeast is null && DistinctPerWeekAtMost is null;

    /// <summary>The score bounds the scorer's report misses, one line each; empty when every bound set is met.</summary>
    public IReadOnlyList<string> Misses(ContinuityReport report)
    {
        var misses = new List<string>();
        if (LowestChildAtLeast is { } lowest && report.Institution.Min < lowest)
        {
            misses.Add(string.Create(CultureInfo.InvariantCulture, $"lowest child {report.Institution.Min:0.0} < {lowest:0.##}"));
        }

        if (UnderThreesMeanAtLeast is { } underThrees && report.Institution.UnderThreeMean < underThrees)
        {
            misses.Add(string.Create(CultureInfo.InvariantCulture, $"under-threes' mean {report.Institution.UnderThreeMean:0.0} < {underThrees:0.##}"));
        }

        var most = report.Children.Count == 0 ? 0 : report.Children.Max(c => c.DistinctPerWeek);
        if (DistinctPerWeekAtMost is { } distinct && most > distinct)
        {
            misses.Add(string.Create(CultureInfo.InvariantCulture, $"distinct caregivers per week {most:0.0#} > {distinct:0.##}"));
        }

        return misses;
    }
}
