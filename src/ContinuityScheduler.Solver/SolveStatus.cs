namespace ContinuityScheduler.Solver;

public enum SolveStatus
{
    /// <summary>The rota keeps every hard rule and is proven the best (within the requested gap).</summary>
    Optimal,

    /// <summary>The rota keeps every hard rule (uncovered posts are priced, not broken); not proven the best.</summary>
    Feasible,

    /// <summary>The rota breaks a hard rule: no rota keeping them all was found (or exists); it is the one that breaks least, its violations listed.</summary>
    Infeasible,
}
