using NodaTime;

namespace ContinuityScheduler.Domain.Rules;

/// <summary>A broken rule: its code, how bad, who and when, the measured value against the limit, and why in words.</summary>
public sealed record Violation(
    string Code,
    Severity Severity,
    string? CaregiverId,
    LocalDate From,
    LocalDate To,
    double? Measured,
    double? Limit,
    string Message)
{
    /// <summary>The demand (post) concerned, for coverage, skill and group rules.</summary>
    public string? DemandId { get; init; }

    /// <summary>The group concerned, for the relief-share rule.</summary>
    public string? GroupId { get; init; }
}
