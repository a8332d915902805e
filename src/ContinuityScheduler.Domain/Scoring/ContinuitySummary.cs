namespace ContinuityScheduler.Domain.Scoring;

/// <summary>A group's or the institution's continuity: plain and weighted mean, the lowest child, and the means of the parts.</summary>
public sealed record ContinuitySummary(
    int Children,
    double Mean,
    double WeightedMean,
    double Min,
    double UnderThreeMean,
    double DistinctPerWeek,
    double KeyPersonDays,
    double KeyMoments,
    double SameAdultNights)
{
    public static ContinuitySummary Of(IReadOnlyCollection<ChildContinuity> children)
    {
        if (children.Count == 0)
        {
            return new(0, 0, 0, 0, 0, 0, 0, 0, 0);
        }

        var underThree = children.Where(c => c.UnderThree).ToList();
        return new(
            children.Count,
            children.Average(c => c.Score),
            children.Sum(c => c.Score * c.Weight) / children.Sum(c => c.Weight),
            children.Min(c => c.Score),
            underThree.Count == 0 ? 0 : underThree.Average(c => c.Score),
            children.Average(c => c.DistinctPerWeek),
            children.Average(c => c.KeyPersonDays),
            children.Average(c => c.KeyMoments),
            children.Average(c => c.SameAdultNights));
    }
}
