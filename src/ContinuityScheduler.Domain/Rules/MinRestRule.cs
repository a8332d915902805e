using ContinuityScheduler.Domain.Shifts;

namespace ContinuityScheduler.Domain.Rules;

/// <summary>
/// Rest from the end of each shift to the start of the next shift that starts at or after that end, history included
/// (two shifts under way at once are no-overlap's to report, not a rest).
/// </summary>
public sealed class MinRestRule : ICaregiverRule
{
    public RuleDefinition Definition { get; } = new("min-rest", "Rest between the end of one shift and the start of the next.", "hours", new(true, Severity.Hard, 11));

    public IEnumerable<Violation> Check(CaregiverTimeline timeline, RuleContext context)
    {
        var shifts = timeline.Shifts;
        foreach (var earlier in shifts)
        {
            if (timeline.FirstStartingFrom(earlier.Interval.End) is not { } next || (earlier.IsHistory && next.IsHistory))
            {
                continue;
            }

            var rest = (next.Interval.Start - earlier.Interval.End).TotalHours;
            if (rest < context.Settings.Limit)
            {
                yield return context.Violation(timeline.Caregiver.Id, earlier.Date, next.Date, rest, context.Settings.Limit,
                    $"{timeline.Caregiver.Name} rests {rest:0.##} h between the {earlier.ShiftType.Code} on {earlier.Date:uuuu-MM-dd} and the {next.ShiftType.Code} on {next.Date:uuuu-MM-dd}.");
            }
        }
    }
}
