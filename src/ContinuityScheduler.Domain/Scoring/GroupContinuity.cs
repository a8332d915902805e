namespace ContinuityScheduler.Domain.Scoring;

public sealed record GroupContinuity(string GroupId, string Name, ContinuitySummary Summary);
