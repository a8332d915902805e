using ContinuityScheduler.Domain.Shifts;

namespace ContinuityScheduler.Domain.Rules;

public sealed class MinRestRule : ICaregiverRule
{
    public RuleDefinition Definition { get; } = new("min-rest", "Rest between the end of one shift and the start of the next.", "hours", new(true, Severity.Hard, 11));

    public IEnumerable<Violation> Check(CaregiverTimeline timeline, RuleContext context)
    {
        foreach (var (before, after) in timeline.Shifts.Zip(timeline.Shifts.Skip(1)))
        {
            var rest = (after.Interval.Start - before.Interval.End).TotalHours;
            // Overlapping shifts are no-overlap's to report; rest between them is not a number that means anything.
            if ((before.IsHistory && after.IsHistory) || rest < 0 || rest >= context.Settings.Limit)
            {
                continue;
            }

            yield return context.Violation(timeline.Caregiver.Id, before.Date, after.Date, rest, context.Settings.Limit,
                $"{timeline.Caregiver.Name} rests {rest:0.##} h between the {before.ShiftType.Code} on {before.Date:uuuu-MM-dd} and the {after.ShiftType.Code} on {after.Date:uuuu-MM-dd}.");
        }
    }
}
