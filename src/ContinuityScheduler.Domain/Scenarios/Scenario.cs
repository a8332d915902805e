namespace ContinuityScheduler.Domain.Scenarios;

/// <summary>A planning problem derived from a base by named changes, e.g. "long days" or "one more caregiver per group".</summary>
public sealed record Scenario(string Name, string? Description, IReadOnlyList<ScenarioChange> Changes);
