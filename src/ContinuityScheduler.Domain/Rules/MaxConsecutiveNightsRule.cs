using ContinuityScheduler.Domain.Shifts;

namespace ContinuityScheduler.Domain.Rules;

/// <summary>Waking nights and sleep-ins in a row, history included.</summary>
public sealed class MaxConsecutiveNightsRule : ICaregiverRule
{
    public RuleDefinition Definition { get; } = new("max-consecutive-nights", "Night or sleep-in shifts in a row.", "nights", new(true, Severity.Hard, 4));

    public IEnumerable<Violation> Check(CaregiverTimeline timeline, RuleContext context) =>
        ConsecutiveRuns.TooLong(timeline, context, timeline.Shifts.Where(s => s.ShiftType.IsNight), "nights");
}
