namespace ContinuityScheduler.Domain.Rules;

/// <summary>All violations of a rota, hard first; beyond a rule's cap for one caregiver, only how many more there were.</summary>
public sealed record ValidationReport(IReadOnlyList<Violation> Violations)
{
    /// <summary>Violations counted but not listed (a rule's cap for one caregiver reached).</summary>
    public IReadOnlyList<OmittedViolations> Omitted { get; init; } = [];

    public int HardCount => Violations.Count(v => v.Severity == Severity.Hard) + Omitted.Where(o => o.Severity == Severity.Hard).Sum(o => o.Count);

    public int SoftCount => Violations.Count(v => v.Severity == Severity.Soft) + Omitted.Where(o => o.Severity == Severity.Soft).Sum(o => o.Count);

    /// <summary>A rota is valid when it breaks no hard rule.</summary>
    public bool IsValid => HardCount == 0;
}

/// <summary>How many more violations of one rule one caregiver has than the report lists.</summary>
public sealed record OmittedViolations(string Code, Severity Severity, string CaregiverId, int Count);
