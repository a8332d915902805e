using ContinuityScheduler.Domain.Shifts;

namespace ContinuityScheduler.Domain.Rules;

/// <summary>Rest from the latest end so far to the start of the next shift, history included.</summary>
public sealed class MinRestRule : ICaregiverRule
{
    public RuleDefinition Definition { get; } = new("min-rest", "Rest between the end of one shift and the start of the next.", "hours", new(true, Severity.Hard, 11));

    public IEnumerable<Violation> Check(CaregiverTimeline timeline, RuleContext context)
    {
        WorkedShift? latest = null;
        foreach (var next in timeline.Shifts)
        {
            if (latest is not null)
            {
                var rest = (next.Interval.Start - latest.Interval.End).TotalHours;
                // Overlapping shifts are no-overlap's to report; rest between them is not a number that means anything.
                if (!(latest.IsHistory && next.IsHistory) && rest >= 0 && rest < context.Settings.Limit)
                {
                    yield return context.Violation(timeline.Caregiver.Id, latest.Date, next.Date, rest, context.Settings.Limit,
                        $"{timeline.Caregiver.Name} rests {rest:0.##} h between the {latest.ShiftType.Code} on {latest.Date:uuuu-MM-dd} and the {next.ShiftType.Code} on {next.Date:uuuu-MM-dd}.");
                }
            }

            if (latest is null || next.Interval.End > latest.Interval.End)
            {
                latest = next;
            }
        }
    }
}
