namespace ContinuityScheduler.Solver.Advice;

/// <summary>What advice minimises first: the number of hires, or the sum of their prices.</summary>
public enum HiresBy
{
    Count,
    Cost,
}
