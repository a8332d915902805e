namespace ContinuityScheduler.Solver.Advice;

/// <summary>How far staffing advice got with its target (no uncovered posts, and the score bounds set).</summary>
public enum AdviceStatus
{
    /// <summary>The hires reach the target and no fewer (or cheaper) ones can: proven (with score bounds: as many as covering alone needs).</summary>
    Proven,

    /// <summary>The hires reach the target; fewer (or cheaper) ones were not ruled out in the time.</summary>
    BestFound,

    /// <summary>Proven: even hiring every candidate offered leaves posts uncovered (so no score bound is reached either).</summary>
    Unreachable,

    /// <summary>The time ran out before any set of hires was found to reach the target, and nothing was proved.</summary>
    Unknown,
}
