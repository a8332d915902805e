namespace ContinuityScheduler.Solver;

public enum SolveStatus
{
    /// <summary>The rota is proven optimal (within the requested gap).</summary>
    Optimal,

    /// <summary>A valid rota, not proven optimal.</summary>
    Feasible,

    /// <summary>No rota: the time ran out before one was found, or the rules leave none.</summary>
    NoSolution,
}
