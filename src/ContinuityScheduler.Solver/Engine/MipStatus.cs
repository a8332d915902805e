namespace ContinuityScheduler.Solver.Engine;

public enum MipStatus
{
    /// <summary>The engine proved its solution optimal (within the requested gap).</summary>
    Optimal,

    /// <summary>A solution, not proven optimal: the time ran out or the solve was stopped.</summary>
    Feasible,

    /// <summary>The engine proved there is no solution.</summary>
    Infeasible,

    /// <summary>No solution was found, and nothing was proved.</summary>
    NoSolution,
}
