namespace ContinuityScheduler.Solver.Engine;

/// <summary>What an engine returns: the status, the values of every variable when it found a solution, and how the search went.</summary>
public sealed record MipResult(
    MipStatus Status,
    double? Objective,
    double? Bound,
    IReadOnlyList<double>? Values,
    double? FirstSolutionSeconds,
    double Seconds,
    IReadOnlyList<MipProgress> Trajectory)
{
    /// <summary>The engine's own peak memory where it can be measured (a subprocess's high-water mark), else null.</summary>
    public long? PeakMemoryBytes { get; init; }

    public bool HasSolution => Values is not null;
}
