using System.Globalization;
using ContinuityScheduler.Domain.Scoring;

namespace ContinuityScheduler.Solver.Advice;

/// <summary>
/// What the hires must reach. No uncovered post always; each score bound only when set, judged by the scorer on the
/// rota with the hires (the scores are ratios, so the model cannot hold them exactly).
/// </summary>
public sealed record AdviceTarget
{
    /// <summary>Within this, a score and a bound are the same (rounding).</summary>
    private const double Slack = 1e-6;

    /// <summary>The lowest child's continuity score at least this (0–100).</summary>
    public double? LowestChildAtLeast { get; init; }

    /// <summary>The mean continuity score of the children under three at least this (0–100).</summary>
    public double? UnderThreesMeanAtLeast { get; init; }

    /// <summary>Each child's mean distinct caregivers per week (D̄w) at most this.</summary>
    public double? DistinctPerWeekAtMost { get; init; }

    /// <summary>Only "no uncovered posts": every score bound unset.</summary>
    public bool CoverageOnly => LowestChildAtLeast is null && UnderThreesMeanAtLeast is null && DistinctPerWeekAtMost is null;

    /// <summary>
    /// Why no rota reaches the score bounds, whatever is hired, from the children's ceilings on the home with every copy
    /// offered (<see cref="ScoreCeiling"/>); null when every bound set lies within them.
    /// </summary>
    public string? OutOfReach(IReadOnlyList<ChildCeiling> ceilings)
    {
        var lines = new List<string>();
        if (LowestChildAtLeast is > Slack && ceilings.Count == 0)
        {
            // The scorer's lowest child is then 0.
            lines.Add("no child lives in the home during the horizon");
        }
        else if (LowestChildAtLeast is { } lowest && ceilings.FirstOrDefault(c => c.Score < lowest - Slack) is { } child)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{child.ChildId} can score at most {child.Score:0.0} < {lowest:0.##} ({child.Parts})"));
        }

        var underThrees = ceilings.Where(c => c.UnderThree).ToList();
        var mean = underThrees.Count == 0 ? 0 : underThrees.Average(c => c.Score);
        if (UnderThreesMeanAtLeast is { } least && mean < least - Slack)
        {
            lines.Add(underThrees.Count == 0
                ? "no child under three lives in the home during the horizon"
                : string.Create(CultureInfo.InvariantCulture, $"the under-threes' mean can be at most {mean:0.0} < {least:0.##}"));
        }

        if (DistinctPerWeekAtMost is { } most && ceilings.OrderByDescending(c => c.DistinctPerWeekAtLeast).FirstOrDefault() is { } crowded && crowded.DistinctPerWeekAtLeast > most + Slack)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{crowded.ChildId} meets at least {crowded.DistinctPerWeekAtLeast:0.0#} distinct caregivers per week > {most:0.##}"));
        }

        return lines.Count == 0 ? null : $"No rota reaches the target, whatever is hired: {string.Join("; ", lines)}.";
    }

    /// <summary>What the ceilings allow for each score bound set, when none is beyond them: why "not reached" is not "unreachable".</summary>
    public string Headroom(IReadOnlyList<ChildCeiling> ceilings)
    {
        var parts = new List<string>();
        if (LowestChildAtLeast is not null && ceilings.FirstOrDefault() is { } lowest)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"the lowest child's ceiling is {lowest.ChildId}'s {lowest.Score:0.0} ({lowest.Parts})"));
        }

        var underThrees = ceilings.Where(c => c.UnderThree).ToList();
        if (UnderThreesMeanAtLeast is not null && underThrees.Count > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"the under-threes' ceilings average {underThrees.Average(c => c.Score):0.0}"));
        }

        if (DistinctPerWeekAtMost is not null && ceilings.Count > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"no child's least distinct caregivers per week is above {ceilings.Max(c => c.DistinctPerWeekAtLeast):0.0#}"));
        }

        return parts.Count == 0
            ? "Not proven out of reach."
            : $"Not proven out of reach: {string.Join("; ", parts)} — the most any rota within the hard rules could give, each part bounded on its own.";
    }

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
