using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Domain.Scoring;

namespace ContinuityScheduler.Solver.Advice;

/// <summary>
/// Staffing advice: the status, the hires and the rota reaching the target with them, judged by the validator on
/// <see cref="Problem"/> (the home with those hires added) and scored beside the plain solve's rota (<see cref="Before"/>).
/// </summary>
public sealed record AdviceResult(
    AdviceStatus Status,
    IReadOnlyList<Hire> Hires,
    Rota Rota,
    PlanningProblem Problem,
    ValidationReport Validation,
    SolveResult Before,
    ContinuitySummary ContinuityBefore,
    ContinuitySummary ContinuityAfter,
    double Seconds,
    IReadOnlyList<string> Diagnosis)
{
    public int HireCount => Hires.Sum(h => h.Count);

    /// <summary>A score bound lies beyond some child's ceiling (<see cref="ScoreCeiling"/>): unreachable whatever is hired, whether or not the rota covers every post.</summary>
    public bool ScoreBoundsOutOfReach { get; init; }

    public double HireCost => Hires.Sum(h => h.Cost);

    /// <summary>
    /// Seconds into the advice by which its answer was proven: the fewest hires (proven), or that none reaches the target
    /// (unreachable); null for any other status. Any time after it went on the rota shown.
    /// </summary>
    public double? ProvenSeconds { get; init; }

    /// <summary>Person-shifts the plain solve left uncovered, when proven the least; else null.</summary>
    public double? UncoveredBefore => Before.UncoveredMinimum;

    /// <summary>Person-shifts the advice's rota leaves uncovered, as the validator counts them.</summary>
    public double UncoveredAfter => RotaSolver.Shortfall(Validation);

    /// <summary>The least the hires level can be (hires or their price): the engine's bound, or the count of hours and days (<see cref="HiresLowerBound"/>) by count; null when unknown.</summary>
    public double? HiresBound { get; init; }

    /// <summary>What the hires were to reach: no uncovered post, and the score bounds set.</summary>
    public AdviceTarget Target { get; init; } = new();

    /// <summary>Whether the rota reaches the target: the validator finds no hard rule broken, no post uncovered, and the scorer every bound met.</summary>
    public bool TargetReached { get; init; }

    /// <summary>The score bounds the rota misses, as the scorer finds them on the home with the hires ("lowest child 58.1 &lt; 60").</summary>
    public IReadOnlyList<string> TargetMisses { get; init; } = [];

    /// <summary>The highest of the children's mean distinct caregivers per week on the plain rota (what <see cref="AdviceTarget.DistinctPerWeekAtMost"/> bounds).</summary>
    public double MostDistinctPerWeekBefore { get; init; }

    /// <summary>The highest of the children's mean distinct caregivers per week on the advice's rota.</summary>
    public double MostDistinctPerWeekAfter { get; init; }
}
