namespace ContinuityScheduler.Domain.Rules;

/// <summary>How one rule applies in an institution: on or off, hard or soft, its limit and, where it counts over a period, the weeks of that period.</summary>
public sealed record RuleSettings
{
    public RuleSettings(bool enabled, Severity severity, double limit, int weeks = 1)
    {
        Enabled = enabled;
        Severity = severity;
        Limit = double.IsFinite(limit) && limit >= 0 ? limit : throw new ArgumentOutOfRangeException(nameof(limit), limit, "A limit is a finite number of at least 0.");
        Weeks = weeks >= 1 ? weeks : throw new ArgumentOutOfRangeException(nameof(weeks), weeks, "A period has at least one week.");
    }

    public bool Enabled { get; init; }

    public Severity Severity { get; init; }

    public double Limit { get; init; }

    public int Weeks { get; init; }
}
