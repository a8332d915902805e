using ContinuityScheduler.Domain.Shifts;

namespace ContinuityScheduler.Domain.Rules;

/// <summary>Relief and agency staff are at most this share of the caregivers on one shift type, date and group.</summary>
public sealed class ReliefShareRule : IRotaRule
{
    public RuleDefinition Definition { get; } = new("relief-share", "Relief and agency staff at most this share of a shift's caregivers in a group.", "share", new(true, Severity.Hard, 0.5));

    public IEnumerable<Violation> Check(ResolvedRota rota, RuleContext context)
    {
        var caregivers = context.Problem.CaregiversById;
        var shifts = from shift in rota.RotaShifts
                     from groupId in shift.GroupIds
                     group shift by (shift.Date, Shift: shift.ShiftType.Code, groupId);
        foreach (var shift in shifts.OrderBy(s => s.Key.Date))
        {
            var people = shift.Select(s => s.CaregiverId).Distinct().ToList();
            var onCall = people.Count(id => caregivers[id].Contract.IsOnCall);
            var share = (double)onCall / people.Count;
            if (share > context.Settings.Limit + Tolerance.Hours)
            {
                yield return context.Violation(null, shift.Key.Date, shift.Key.Date, share, context.Settings.Limit,
                    $"{onCall} of {people.Count} caregivers on the {shift.Key.Shift} in {shift.Key.groupId} on {shift.Key.Date:uuuu-MM-dd} are relief or agency staff.") with
                { GroupId = shift.Key.groupId };
            }
        }
    }
}
