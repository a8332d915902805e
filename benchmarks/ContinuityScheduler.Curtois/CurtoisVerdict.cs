namespace ContinuityScheduler.Curtois;

/// <summary>The checker's judgement of a roster: the hard rules it breaks and its objective, recomputed from the assignment.</summary>
public sealed record CurtoisVerdict(IReadOnlyList<CurtoisViolation> Violations, int Objective, int RequestPenalty, int CoverPenalty)
{
    public bool IsValid => Violations.Count == 0;
}
