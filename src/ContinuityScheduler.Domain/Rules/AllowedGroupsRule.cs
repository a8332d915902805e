using ContinuityScheduler.Domain.Shifts;

namespace ContinuityScheduler.Domain.Rules;

public sealed class AllowedGroupsRule : ICaregiverRule
{
    public RuleDefinition Definition { get; } = new("allowed-groups", "A caregiver works only in the groups they may work in.", "groups not allowed", new(true, Severity.Hard, 0));

    public IEnumerable<Violation> Check(CaregiverTimeline timeline, RuleContext context) =>
        from shift in timeline.RotaShifts
        let barred = shift.GroupIds.Where(g => !timeline.Caregiver.MayWorkIn(g)).ToList()
        where barred.Count > context.Settings.Limit
        select context.Violation(timeline.Caregiver.Id, shift.Date, shift.Date, barred.Count, context.Settings.Limit,
            $"{timeline.Caregiver.Name} may not work in {string.Join(", ", barred)} (demand {shift.Demand!.Id} on {shift.Date:uuuu-MM-dd}).") with
        { DemandId = shift.Demand!.Id };
}
