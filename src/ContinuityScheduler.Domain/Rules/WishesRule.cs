using ContinuityScheduler.Domain.Shifts;

namespace ContinuityScheduler.Domain.Rules;

/// <summary>Caregivers' wishes to work or be free on a date or weekday; each unmet wish is reported with its weight.</summary>
public sealed class WishesRule : ICaregiverRule
{
    public RuleDefinition Definition { get; } = new("wishes", "Caregivers' wishes for days and shifts are met.", "wish weight", new(true, Severity.Soft, 0));

    public IEnumerable<Violation> Check(CaregiverTimeline timeline, RuleContext context) =>
        from wish in timeline.Caregiver.Wishes
        from date in context.Horizon.Dates
        where wish.AppliesOn(date)
        let works = timeline.RotaShifts.Any(s => s.Date == date && (wish.ShiftType is null || s.ShiftType.Code == wish.ShiftType))
        where works != wish.Wanted && !(context.Partial && wish.Wanted)
        select context.Violation(timeline.Caregiver.Id, date, date, wish.Weight, context.Settings.Limit,
            $"{timeline.Caregiver.Name} wished {(wish.Wanted ? "to work" : "to be free")} {(wish.ShiftType is null ? "" : $"the {wish.ShiftType} ")}on {date:uuuu-MM-dd}.");
}
