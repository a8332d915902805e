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
}
