namespace ContinuityScheduler.Domain.Scoring;

/// <summary>Continuity per child (worst first), per group and for the institution.</summary>
public sealed record ContinuityReport(IReadOnlyList<ChildContinuity> Children, IReadOnlyList<GroupContinuity> Groups, ContinuitySummary Institution);
