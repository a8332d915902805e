namespace ContinuityScheduler.Solver.Advice;

/// <summary>The most one child can score in any rota that keeps every hard rule (<see cref="ScoreCeiling"/>), and the bound on each part.</summary>
/// <param name="DistinctPerWeek">The fewest distinct caregivers per week on average (D̄w) any such rota gives the child.</param>
public sealed record ChildCeiling(string ChildId, bool UnderThree, double Score, double CoreShare, double KeyPersonDays, double KeyMoments, double DistinctPerWeek);
