using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Solver.Model;

namespace ContinuityScheduler.Solver;

/// <summary>
/// A solve's outcome. <see cref="Objective"/> is recomputed from the rota by <see cref="ObjectiveFunction"/>, never
/// taken from the engine; <see cref="Validation"/> is the independent validator's verdict on the rota.
/// </summary>
public sealed record SolveResult(
    SolveStatus Status,
    Rota? Rota,
    ObjectiveBreakdown? Objective,
    double? EngineObjective,
    double? Bound,
    double? FirstSolutionSeconds,
    double Seconds,
    IReadOnlyList<SolveProgress> Trajectory,
    ValidationReport? Validation,
    IReadOnlyList<string> Diagnosis)
{
    /// <summary>The highest peak memory of the engine's processes during the solve, in bytes (0 when not measured).</summary>
    public long PeakEngineMemoryBytes { get; init; }

    public double? Gap => Objective is { } o && Bound is { } b ? GapOf(o.Total, b) : null;

    public static double GapOf(double incumbent, double bound) =>
        Math.Max(0, incumbent - bound) / Math.Max(Math.Abs(incumbent), 1e-9);
}
