namespace ContinuityScheduler.Domain.Rules;

/// <summary>All violations of a rota, hard first.</summary>
public sealed record ValidationReport(IReadOnlyList<Violation> Violations)
{
    public int HardCount => Violations.Count(v => v.Severity == Severity.Hard);

    public int SoftCount => Violations.Count(v => v.Severity == Severity.Soft);

    /// <summary>A rota is valid when it breaks no hard rule.</summary>
    public bool IsValid => HardCount == 0;
}
