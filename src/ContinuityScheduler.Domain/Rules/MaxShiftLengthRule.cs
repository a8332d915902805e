using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Shifts;

namespace ContinuityScheduler.Domain.Rules;

/// <summary>
/// The longest shift, on real time. Live-in shifts are allowed only under the institution's residential derogation,
/// and then must be followed by the compensatory rest, also when the live-in was in history.
/// </summary>
public sealed class MaxShiftLengthRule : ICaregiverRule
{
    public RuleDefinition Definition { get; } = new("max-shift-length", "Longest shift; live-in shifts only under the residential derogation, followed by compensatory rest.", "hours", new(true, Severity.Hard, 13));

    public IEnumerable<Violation> Check(CaregiverTimeline timeline, RuleContext context)
    {
        var rules = context.Problem.Institution.LabourRules;
        var name = timeline.Caregiver.Name;
        var shifts = timeline.Shifts;
        for (var i = 0; i < shifts.Count; i++)
        {
            var shift = shifts[i];
            var liveIn = shift.ShiftType.Kind == ShiftKind.LiveIn;
            if (!shift.IsHistory && !liveIn && shift.Hours > context.Settings.Limit + Tolerance.Hours)
            {
                yield return context.Violation(timeline.Caregiver.Id, shift.Date, shift.Date, shift.Hours, context.Settings.Limit,
                    $"{name}'s {shift.ShiftType.Code} on {shift.Date:uuuu-MM-dd} lasts {shift.Hours:0.##} h.");
            }

            if (!shift.IsHistory && liveIn && !rules.ResidentialDerogation)
            {
                yield return context.Violation(timeline.Caregiver.Id, shift.Date, shift.Date, shift.Hours, context.Settings.Limit,
                    $"{name}'s live-in {shift.ShiftType.Code} on {shift.Date:uuuu-MM-dd} needs the residential derogation, which the institution has not enabled.");
            }

            if (liveIn && rules.ResidentialDerogation && i + 1 < shifts.Count && !(shift.IsHistory && shifts[i + 1].IsHistory))
            {
                var rest = (shifts[i + 1].Interval.Start - shift.Interval.End).TotalHours;
                if (rest < rules.CompensatoryRestHours)
                {
                    yield return context.Violation(timeline.Caregiver.Id, shift.Date, shifts[i + 1].Date, rest, rules.CompensatoryRestHours,
                        $"{name} rests {rest:0.##} h after the live-in {shift.ShiftType.Code} on {shift.Date:uuuu-MM-dd}; the derogation asks for {rules.CompensatoryRestHours:0.##} h.");
                }
            }
        }
    }
}
