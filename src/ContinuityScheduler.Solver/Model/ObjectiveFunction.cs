using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Domain.Shifts;
using NodaTime;

namespace ContinuityScheduler.Solver.Model;

/// <summary>
/// The solver's objective computed from a rota alone, with no model and no engine: what the solver's reported
/// objective must equal. Written apart from <see cref="RotaModelBuilder"/> so that each checks the other.
/// </summary>
public static class ObjectiveFunction
{
    public static ObjectiveBreakdown Evaluate(PlanningProblem problem, Rota rota, ObjectiveWeights? weights = null, RepairReference? reference = null)
    {
        weights ??= ObjectiveWeights.Default;
        var resolved = new ResolvedRota(problem, rota);
        var shifts = resolved.RotaShifts;
        var horizon = problem.Horizon;
        var zone = problem.Institution.TimeZone;

        var shortfall = 0.0;
        foreach (var date in horizon.Dates)
        {
            foreach (var demand in problem.Demands.Where(d => d.AppliesOn(date)))
            {
                var staffed = shifts.Where(s => s.Date == date && s.Demand!.Id == demand.Id).Select(s => s.CaregiverId).Distinct().Count();
                shortfall += Math.Max(0, demand.Count - staffed) * weights.Shortfall;
            }
        }

        var pastTeams = problem.History.Shifts.SelectMany(s => s.GroupIds.Select(g => (g, s.CaregiverId))).ToHashSet();
        var groupsWithHistory = pastTeams.Select(p => p.g).ToHashSet();
        var continuity = 0.0;
        var stability = 0.0;
        foreach (var inGroup in shifts.SelectMany(s => s.GroupIds.Select(g => (Group: g, Shift: s))).GroupBy(x => (x.Group, x.Shift.CaregiverId)))
        {
            var weight = GroupWeight(problem, inGroup.Key.Group);
            var weeks = inGroup.Select(x => Week.StartOf(x.Shift.Date)).Distinct().Count();
            continuity += (weights.CaregiverInGroup * weight) + (weeks * weights.CaregiverInGroupWeek * weight);
            if (groupsWithHistory.Contains(inGroup.Key.Group) && !pastTeams.Contains(inGroup.Key))
            {
                stability += weights.NewToGroup;
            }
        }

        var keyPersons = 0.0;
        foreach (var child in problem.Children.Where(c => c.KeyPersons.Count > 0))
        {
            var weight = child.IsUnderThreeOn(horizon.Start) ? 2 : 1;
            foreach (var date in horizon.Dates)
            {
                if (child.GroupOn(date) is not { } groupId)
                {
                    continue;
                }

                var wakeUp = (date + problem.Institution.KeyMoments.WakeUp).InZoneLeniently(zone).ToInstant();
                var bedtime = (date + problem.Institution.KeyMoments.Bedtime).InZoneLeniently(zone).ToInstant();
                var theirs = shifts.Where(s => child.KeyPersons.Contains(s.CaregiverId) && s.Serves(groupId)).ToList();
                if (!theirs.Any(s => s.Interval.Start < bedtime && wakeUp < s.Interval.End))
                {
                    keyPersons += weights.KeyPersonMissing * weight;
                }

                keyPersons += new[] { wakeUp, bedtime }.Count(moment => !theirs.Any(s => s.Interval.Contains(moment))) * weights.KeyMomentMissed * weight;
            }
        }

        var wishes = 0.0;
        if (problem.Institution.LabourRules["wishes"].Enabled)
        {
            foreach (var caregiver in problem.Caregivers)
            {
                foreach (var wish in caregiver.Wishes)
                {
                    foreach (var date in horizon.Dates.Where(wish.AppliesOn))
                    {
                        var matching = shifts.Count(s => s.CaregiverId == caregiver.Id && s.Date == date && (wish.ShiftType is null || s.ShiftType.Code == wish.ShiftType));
                        wishes += weights.Wish * wish.Weight * (wish.Wanted ? (matching == 0 ? 1 : 0) : matching);
                    }
                }
            }
        }

        var contract = 0.0;
        var fairness = 0.0;
        var context = new RuleContext(problem, RuleSet.Find("contract-hours")!.Definition, problem.Institution.LabourRules["contract-hours"]);
        foreach (var timeline in resolved.Timelines.Values)
        {
            var own = timeline.RotaShifts.ToList();
            if (!timeline.Caregiver.Contract.IsOnCall)
            {
                contract += Math.Abs(own.Sum(s => s.WorkingHours) - ContractHoursRule.Target(timeline.Caregiver, context)) * weights.ContractDeviationHour;
            }

            // A weekend is worked when any shift is under way in it, history's included (as for the free-weekends rule).
            var weekends = horizon.WeekStarts.Count(monday =>
            {
                var saturday = monday.PlusDays(5);
                return timeline.WorksDuring(new Interval(saturday.AtStartOfDayInZone(zone).ToInstant(), saturday.PlusDays(2).AtStartOfDayInZone(zone).ToInstant()));
            });
            fairness += Math.Max(0, weekends - (horizon.Weeks / 2.0)) * weights.ExtraWeekend;
            fairness += Math.Max(0, own.Count(s => s.ShiftType.IsNight) - (horizon.Weeks * 7 / 4.0)) * weights.ExtraNight;
        }

        var changes = 0.0;
        if (reference is not null)
        {
            var now = rota.Assignments.Select(a => (a.CaregiverId, a.Date, a.DemandId)).ToHashSet();
            changes += reference.Rota.Assignments.Count(a => !now.Contains((a.CaregiverId, a.Date, a.DemandId))) * weights.Change;
            changes += rota.Assignments
                .Where(a => !reference.IsPublished(a.CaregiverId, a.Date, a.DemandId))
                .Sum(a => reference.AddCost(problem.DemandsById[a.DemandId], a.CaregiverId, weights));
        }

        return new ObjectiveBreakdown(shortfall, continuity, keyPersons, stability, wishes, contract, fairness, changes);
    }

    private static double GroupWeight(PlanningProblem problem, string groupId)
    {
        var children = problem.Children.Where(c => problem.Horizon.Dates.Any(d => c.GroupOn(d) == groupId)).ToList();
        return children.Count == 0 ? 1 : children.Average(c => c.IsUnderThreeOn(problem.Horizon.Start) ? 2.0 : 1.0);
    }
}
