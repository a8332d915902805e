namespace ContinuityScheduler.Solver.Engine;

/// <summary>
/// What the engine returns: the status of the last objective level, the values of every variable when it found a
/// solution, the objective and a valid bound of it, how each earlier level ended, and how the search went.
/// </summary>
public sealed record MipResult(
    MipStatus Status,
    double? Objective,
    double? Bound,
    IReadOnlyList<double>? Values,
    double? FirstSolutionSeconds,
    double Seconds,
    IReadOnlyList<MipProgress> Trajectory)
{
    /// <summary>Each level before the objective: its best value, its bound, and whether that value is proven least.</summary>
    public IReadOnlyList<LevelResult> Levels { get; init; } = [];

    public bool HasSolution => Values is not null;

    /// <summary>Whether every level before the objective was proven at its least, so that the bound holds for the whole order.</summary>
    public bool LevelsProven => Levels.All(l => l.Proven);
}

/// <summary>How one objective level ended: its best value and bound (both null without a solution) and whether they met.</summary>
public sealed record LevelResult(string Name, double? Value, double? Bound, bool Proven)
{
    /// <summary>Seconds into the engine's run by which the level's least was proven (its own search, else the run's end); null when not proven.</summary>
    public double? ProvenSeconds { get; init; }
}
