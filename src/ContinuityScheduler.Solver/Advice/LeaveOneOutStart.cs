using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Domain.Shifts;

namespace ContinuityScheduler.Solver.Advice;

/// <summary>
/// The leave-one-out repair's start: the rota without the leaver, each of their lost shifts handed to a colleague whose
/// rules allow it (one change each, the fewest a covered shift can cost). Measured on baby-home: from the rota with the
/// holes alone, CP-SAT found no cover for a 37 h caregiver's 19 shifts in 10 or 20 s.
/// </summary>
public static class LeaveOneOutStart
{
    /// <param name="without">The home with the leaver absent over the horizon.</param>
    public static Rota Absorb(PlanningProblem without, Rota rota, string leaverId)
    {
        var kept = rota.Assignments.Where(a => a.CaregiverId != leaverId).ToList();
        var taken = kept.Select(a => (a.CaregiverId, a.Date)).ToHashSet();
        var timelines = new ResolvedRota(without, new Rota(kept, rota.MadeBy)).Timelines.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
        var worked = timelines.ToDictionary(t => t.Key, t => t.Value.RotaShifts.Sum(s => s.WorkingHours) - ContractHoursRule.Target(t.Value.Caregiver, without.Horizon), StringComparer.Ordinal);
        var inGroup = kept.SelectMany(a => without.DemandsById[a.DemandId].GroupIds.Select(g => (a.CaregiverId, g))).ToHashSet();
        var rules = new CaregiverRuleCheck(without);
        foreach (var lost in rota.Assignments.Where(a => a.CaregiverId == leaverId).OrderBy(a => a.Date))
        {
            var demand = without.DemandsById[lost.DemandId];
            // Colleagues who work in the post's groups first, then whoever is furthest below their contract.
            var taker = without.Caregivers
                .Where(c => c.Id != leaverId && !c.Contract.IsOnCall && !taken.Contains((c.Id, lost.Date)) && c.HasSkills(demand.Skills) && demand.GroupIds.All(c.MayWorkIn) && c.AbsenceOn(lost.Date) is null)
                .Select(c => new Assignment(c.Id, lost.Date, lost.DemandId))
                .Where(a => !without.Pins.Any(p => p.Kind == PinKind.Forbid && p.Matches(a)))
                .OrderBy(a => demand.GroupIds.All(g => inGroup.Contains((a.CaregiverId, g))) ? 0 : 1)
                .ThenBy(a => worked[a.CaregiverId])
                .ThenBy(a => a.CaregiverId, StringComparer.Ordinal)
                .FirstOrDefault(a => rules.Allows(timelines[a.CaregiverId], ResolvedRota.Place(without, a)));
            if (taker is null)
            {
                continue;
            }

            var shift = ResolvedRota.Place(without, taker);
            timelines[taker.CaregiverId] = timelines[taker.CaregiverId].With(shift);
            worked[taker.CaregiverId] += shift.WorkingHours;
            taken.Add((taker.CaregiverId, taker.Date));
            kept.Add(taker);
        }

        return new Rota(kept, rota.MadeBy);
    }
}
