using System.Globalization;

namespace ContinuityScheduler.Solver.Advice;

/// <summary>The most one child can score in any rota that keeps every hard rule (<see cref="ScoreCeiling"/>), and the bound on each part.</summary>
/// <param name="DistinctPerWeekAtLeast">The fewest distinct caregivers per week on average (D̄w) any such rota gives the child: a floor, where the rest are ceilings.</param>
public sealed record ChildCeiling(string ChildId, bool UnderThree, double Score, double CoreShare, double KeyPersonDays, double KeyMoments, double DistinctPerWeekAtLeast)
{
    /// <summary>"core share at most 0.66, …": the bound on each part, in words.</summary>
    public string Parts => string.Create(CultureInfo.InvariantCulture,
        $"core share at most {CoreShare:0.00}, key-person days at most {KeyPersonDays:0.00}, key moments at most {KeyMoments:0.00}, distinct caregivers per week at least {DistinctPerWeekAtLeast:0.0}");
}
