using ContinuityScheduler.Domain.Shifts;

namespace ContinuityScheduler.Domain.Rules;

public sealed class NoOverlapRule : ICaregiverRule
{
    public RuleDefinition Definition { get; } = new("no-overlap", "A caregiver never works two shifts at the same time.", "hours of overlap", new(true, Severity.Hard, 0));

    public IEnumerable<Violation> Check(CaregiverTimeline timeline, RuleContext context)
    {
        var shifts = timeline.Shifts;
        for (var i = 0; i < shifts.Count; i++)
        {
            for (var j = i + 1; j < shifts.Count && shifts[j].Interval.Start < shifts[i].Interval.End; j++)
            {
                if (shifts[i].IsHistory && shifts[j].IsHistory)
                {
                    continue;
                }

                var overlap = (shifts[i].Interval.End - shifts[j].Interval.Start).TotalHours;
                if (shifts[j].Interval.End < shifts[i].Interval.End)
                {
                    overlap = shifts[j].Hours;
                }

                if (overlap > context.Settings.Limit)
                {
                    yield return context.Violation(timeline.Caregiver.Id, shifts[i].Date, shifts[j].Date, overlap, context.Settings.Limit,
                        $"{timeline.Caregiver.Name}'s {shifts[i].ShiftType.Code} on {shifts[i].Date:uuuu-MM-dd} overlaps the {shifts[j].ShiftType.Code} on {shifts[j].Date:uuuu-MM-dd}.");
                }
            }
        }
    }
}
