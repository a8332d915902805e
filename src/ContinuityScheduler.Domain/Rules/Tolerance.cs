namespace ContinuityScheduler.Domain.Rules;

/// <summary>Rounding slack for comparing sums of hours, so that 48.000000001 h is not over a 48 h limit.</summary>
internal static class Tolerance
{
    public const double Hours = 1e-6;
}
