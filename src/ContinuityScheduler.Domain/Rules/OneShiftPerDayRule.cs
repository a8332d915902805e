using ContinuityScheduler.Domain.Shifts;

namespace ContinuityScheduler.Domain.Rules;

public sealed class OneShiftPerDayRule : ICaregiverRule
{
    public RuleDefinition Definition { get; } = new("one-shift-per-day", "A caregiver starts at most this many shifts a day.", "shifts", new(true, Severity.Hard, 1));

    public IEnumerable<Violation> Check(CaregiverTimeline timeline, RuleContext context) =>
        timeline.RotaShifts
            .Select(s => s.Date)
            .Distinct()
            .Select(date => (date, count: timeline.Shifts.Count(s => s.Date == date)))
            .Where(day => day.count > context.Settings.Limit)
            .Select(day => context.Violation(timeline.Caregiver.Id, day.date, day.date, day.count, context.Settings.Limit,
                $"{timeline.Caregiver.Name} starts {day.count} shifts on {day.date:uuuu-MM-dd}."));
}
