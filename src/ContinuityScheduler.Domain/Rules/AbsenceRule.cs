using ContinuityScheduler.Domain.Shifts;

namespace ContinuityScheduler.Domain.Rules;

public sealed class AbsenceRule : ICaregiverRule
{
    public RuleDefinition Definition { get; } = new("absence", "Nobody starts a shift on a day of leave, sickness or training.", "shifts", new(true, Severity.Hard, 0));

    public IEnumerable<Violation> Check(CaregiverTimeline timeline, RuleContext context) =>
        from shift in timeline.RotaShifts
        let absence = timeline.Caregiver.AbsenceOn(shift.Date)
        where absence is not null
        select context.Violation(timeline.Caregiver.Id, shift.Date, shift.Date, 1, context.Settings.Limit,
            $"{timeline.Caregiver.Name} is on {absence.Kind.ToString().ToLowerInvariant()} on {shift.Date:uuuu-MM-dd} but works the {shift.ShiftType.Code}.");
}
