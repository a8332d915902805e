using ContinuityScheduler.Domain.Shifts;

namespace ContinuityScheduler.Domain.Rules;

/// <summary>Working days in a row, a day being the start date of a shift; runs reaching back into history count whole.</summary>
public sealed class MaxConsecutiveDaysRule : ICaregiverRule
{
    public RuleDefinition Definition { get; } = new("max-consecutive-days", "Working days in a row.", "days", new(true, Severity.Hard, 6));

    public IEnumerable<Violation> Check(CaregiverTimeline timeline, RuleContext context) =>
        ConsecutiveRuns.TooLong(timeline, context, timeline.Shifts, "working days");
}
