using ContinuityScheduler.Domain.Shifts;

namespace ContinuityScheduler.Domain.Rules;

/// <summary>Working days in a row, a day being the start date of a shift; runs reaching back into history count whole.</summary>
public sealed class MaxConsecutiveDaysRule : ICaregiverRule
{
    public RuleDefinition Definition { get; } = new("max-consecutive-days", "Working days in a row.", "days", new(true, Severity.Hard, 6));

    /// <summary>The most of seven dates in a row a caregiver can work when no run may be longer than the limit: 7 − ⌊7 / (k + 1)⌋.</summary>
    public static int MostDatesInAWeek(RuleSettings settings) => 7 - (7 / ((int)Math.Floor(settings.Limit) + 1));

    public IEnumerable<Violation> Check(CaregiverTimeline timeline, RuleContext context) =>
        ConsecutiveRuns.TooLong(timeline, context, timeline.Shifts, "working days");
}
