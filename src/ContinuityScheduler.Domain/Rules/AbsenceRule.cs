using ContinuityScheduler.Domain.Shifts;

namespace ContinuityScheduler.Domain.Rules;

/// <summary>Nobody works on a day of absence: a shift may not start on one, and a live-in shift may not run through one.</summary>
public sealed class AbsenceRule : ICaregiverRule
{
    public RuleDefinition Definition { get; } = new("absence", "Nobody works on a day of leave, sickness or training.", "days of absence worked", new(true, Severity.Hard, 0));

    public IEnumerable<Violation> Check(CaregiverTimeline timeline, RuleContext context)
    {
        foreach (var shift in timeline.RotaShifts)
        {
            // A night's early-morning tail is not a day's work; a live-in's whole days are.
            var absent = Enumerable.Range(0, Math.Max(1, shift.ShiftType.EndDayOffset))
                .Select(shift.Date.PlusDays)
                .Where(date => timeline.Caregiver.AbsenceOn(date) is not null)
                .ToList();
            if (absent.Count > context.Settings.Limit)
            {
                var absence = timeline.Caregiver.AbsenceOn(absent[0])!;
                yield return context.Violation(timeline.Caregiver.Id, absent[0], absent[^1], absent.Count, context.Settings.Limit,
                    $"{timeline.Caregiver.Name} is on {absence.Kind.ToString().ToLowerInvariant()} on {absent[0]:uuuu-MM-dd} but works the {shift.ShiftType.Code} that starts on {shift.Date:uuuu-MM-dd}.");
            }
        }
    }
}
