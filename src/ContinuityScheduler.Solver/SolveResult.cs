using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Solver.Model;

namespace ContinuityScheduler.Solver;

/// <summary>
/// A solve's outcome, always with a rota. <see cref="Objective"/> is recomputed from the rota by <see cref="ObjectiveFunction"/>,
/// never taken from the engine; <see cref="Validation"/> is the independent validator's verdict, and the status follows
/// it. <see cref="Bound"/> is a proven lower bound of the objective among rotas that break no more and cover no fewer
/// posts (null when that order was not proven in the time), never capped at the objective.
/// </summary>
public sealed record SolveResult(
    SolveStatus Status,
    Rota Rota,
    ObjectiveBreakdown Objective,
    double? EngineObjective,
    double? Bound,
    double? FirstSolutionSeconds,
    double Seconds,
    IReadOnlyList<SolveProgress> Trajectory,
    ValidationReport Validation,
    IReadOnlyList<string> Diagnosis)
{
    /// <summary>Person-shifts uncovered when that is proven the least any rota within the rules can leave; else null.</summary>
    public double? UncoveredMinimum { get; init; }

    public double? Gap => Bound is { } b ? GapOf(Objective.Total, b) : null;

    public static double GapOf(double incumbent, double bound) =>
        Math.Max(0, incumbent - bound) / Math.Max(Math.Abs(incumbent), 1e-9);
}
