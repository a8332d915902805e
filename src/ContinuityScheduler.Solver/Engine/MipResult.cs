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
    public bool HasSolution => Values is not null;
}
