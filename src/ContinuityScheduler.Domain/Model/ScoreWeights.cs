namespace ContinuityScheduler.Domain.Model;

/// <summary>The weights of the continuity score's four parts and the target number of distinct caregivers a week.</summary>
public sealed record ScoreWeights
{
    public ScoreWeights(double coreShare, double keyPersonDays, double keyMoments, double distinctPerWeek, double targetDistinctPerWeek)
    {
        CoreShare = Guard.NonNegative(coreShare, nameof(coreShare));
        KeyPersonDays = Guard.NonNegative(keyPersonDays, nameof(keyPersonDays));
        KeyMoments = Guard.NonNegative(keyMoments, nameof(keyMoments));
        DistinctPerWeek = Guard.NonNegative(distinctPerWeek, nameof(distinctPerWeek));
        TargetDistinctPerWeek = targetDistinctPerWeek > 0 && double.IsFinite(targetDistinctPerWeek)
            ? targetDistinctPerWeek
            : throw new ArgumentOutOfRangeException(nameof(targetDistinctPerWeek), "The target must be above 0.");
        if (Math.Abs(coreShare + keyPersonDays + keyMoments + distinctPerWeek - 1) > 1e-9)
        {
            throw new ArgumentException("The four weights must add up to 1.");
        }
    }

    public static ScoreWeights Default { get; } = new(0.35, 0.25, 0.20, 0.20, 4);

    public double CoreShare { get; }

    public double KeyPersonDays { get; }

    public double KeyMoments { get; }

    public double DistinctPerWeek { get; }

    public double TargetDistinctPerWeek { get; }
}
