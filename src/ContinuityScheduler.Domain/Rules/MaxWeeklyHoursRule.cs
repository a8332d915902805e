using ContinuityScheduler.Domain.Shifts;

namespace ContinuityScheduler.Domain.Rules;

/// <summary>Working time in each calendar week of the horizon; a shift counts in the week of its start date.</summary>
public sealed class MaxWeeklyHoursRule : ICaregiverRule
{
    public RuleDefinition Definition { get; } = new("max-weekly-hours", "Working time in any calendar week.", "hours", new(true, Severity.Hard, 60));

    public IEnumerable<Violation> Check(CaregiverTimeline timeline, RuleContext context)
    {
        foreach (var monday in context.Horizon.WeekStarts)
        {
            var hours = timeline.StartingBetween(monday, monday.PlusDays(6)).Sum(s => s.WorkingHours);
            if (hours > context.Settings.Limit + Tolerance.Hours)
            {
                yield return context.Violation(timeline.Caregiver.Id, monday, monday.PlusDays(6), hours, context.Settings.Limit,
                    $"{timeline.Caregiver.Name} works {hours:0.##} h in the week of {monday:uuuu-MM-dd}.");
            }
        }
    }
}
