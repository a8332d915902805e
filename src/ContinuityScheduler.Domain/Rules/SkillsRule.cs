using ContinuityScheduler.Domain.Shifts;

namespace ContinuityScheduler.Domain.Rules;

public sealed class SkillsRule : ICaregiverRule
{
    public RuleDefinition Definition { get; } = new("skills", "A demand that needs a skill gets someone who has it.", "missing skills", new(true, Severity.Hard, 0));

    public IEnumerable<Violation> Check(CaregiverTimeline timeline, RuleContext context) =>
        from shift in timeline.RotaShifts
        let missing = shift.Demand!.Skills.Where(skill => !timeline.Caregiver.Skills.Contains(skill)).ToList()
        where missing.Count > context.Settings.Limit
        select context.Violation(timeline.Caregiver.Id, shift.Date, shift.Date, missing.Count, context.Settings.Limit,
            $"{timeline.Caregiver.Name} lacks {string.Join(", ", missing)} for demand {shift.Demand!.Id} on {shift.Date:uuuu-MM-dd}.") with
        { DemandId = shift.Demand!.Id };
}
