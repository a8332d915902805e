namespace ContinuityScheduler.Domain.Rules;

/// <summary>What a rule is called, what it checks, the unit of its limit, and its default settings.</summary>
public sealed record RuleDefinition(string Code, string Description, string Unit, RuleSettings Defaults);
