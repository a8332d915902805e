namespace ContinuityScheduler.Domain.Rules;

/// <summary>How one rule applies in an institution: on or off, hard or soft, its limit and, where it counts over a period, the weeks of that period.</summary>
public sealed record RuleSettings
{
    public RuleSettings(bool enabled, Severity severity, double limit, int weeks = 1)
    {
        Enabled = enabled;
        Severity = severity;
        Limit = limit;
        Weeks = weeks;
    }

    public bool Enabled { get; init; }

    public Severity Severity { get; init; }

    /// <summary>On and hard: a rule no rota may break.</summary>
    public bool IsHard => Enabled && Severity == Severity.Hard;

    public double Limit
    {
        get;
        init => field = double.IsFinite(value) && value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(Limit), value, "A limit is a finite number of at least 0.");
    }

    /// <summary>The period the limit applies to, for rules that count over several weeks.</summary>
    public int Weeks
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Weeks), value, "A period has at least one week.");
    }
}
