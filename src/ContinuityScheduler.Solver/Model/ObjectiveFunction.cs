using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Domain.Shifts;
using NodaTime;

namespace ContinuityScheduler.Solver.Model;

/// <summary>
/// The solver's objective computed from a rota alone, with no model and no engine: what the solver's reported
/// objective must equal. Written apart from <see cref="RotaModelBuilder"/> so that each checks the other; one method a term.
/// </summary>
public static class ObjectiveFunction
{
    public static ObjectiveBreakdown Evaluate(PlanningProblem problem, Rota rota, ObjectiveWeights? weights = null, RepairReference? reference = null)
    {
        weights ??= ObjectiveWeights.Default;
        var resolved = new ResolvedRota(problem, rota);
        var (continuity, stability) = Teams(problem, resolved.RotaShifts, weights);
        var (contract, fairness) = Workloads(problem, resolved, weights);
        return new ObjectiveBreakdown(
            Shortfall(problem, resolved.RotaShifts, weights),
            continuity,
            KeyPersons(problem, resolved.RotaShifts, weights),
            stability,
            Wishes(problem, resolved.RotaShifts, weights),
            contract,
            fairness,
            reference is null ? 0 : Changes(problem, rota, reference, weights));
    }

    /// <summary>Each person-shift a post lacks.</summary>
    private static double Shortfall(PlanningProblem problem, IReadOnlyList<WorkedShift> shifts, ObjectiveWeights weights)
    {
        var shortfall = 0.0;
        foreach (var date in problem.Horizon.Dates)
        {
            foreach (var demand in problem.Demands.Where(d => d.AppliesOn(date)))
            {
                var staffed = shifts.Where(s => s.Date == date && s.Demand!.Id == demand.Id).Select(s => s.CaregiverId).Distinct().Count();
                shortfall += Math.Max(0, demand.Count - staffed) * weights.Shortfall;
            }
        }

        return shortfall;
    }

    /// <summary>Each caregiver a group sees, and each week they work there (continuity); each newcomer to a group with a past team (stability).</summary>
    private static (double Continuity, double Stability) Teams(PlanningProblem problem, IReadOnlyList<WorkedShift> shifts, ObjectiveWeights weights)
    {
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

        return (continuity, stability);
    }

    /// <summary>Each day a child's key persons are all away from its waking day, and each wake-up and bedtime none is on duty; under-threes count twice.</summary>
    private static double KeyPersons(PlanningProblem problem, IReadOnlyList<WorkedShift> shifts, ObjectiveWeights weights)
    {
        var zone = problem.Institution.TimeZone;
        var keyPersons = 0.0;
        foreach (var child in problem.Children.Where(c => c.KeyPersons.Count > 0))
        {
            var weight = child.IsUnderThreeOn(problem.Horizon.Start) ? 2 : 1;
            foreach (var date in problem.Horizon.Dates)
            {
                if (child.GroupOn(date) is not { } groupId)
                {
                    continue;
                }

                var waking = problem.Institution.KeyMoments.WakingDayOn(date, zone);
                var (wakeUp, bedtime) = (waking.Start, waking.End);
                var theirs = shifts.Where(s => child.KeyPersons.Contains(s.CaregiverId) && s.Serves(groupId)).ToList();
                if (!theirs.Any(s => s.Interval.Start < bedtime && wakeUp < s.Interval.End))
                {
                    keyPersons += weights.KeyPersonMissing * weight;
                }

                keyPersons += new[] { wakeUp, bedtime }.Count(moment => !theirs.Any(s => s.Interval.Contains(moment))) * weights.KeyMomentMissed * weight;
            }
        }

        return keyPersons;
    }

    /// <summary>Each wish not met, by its weight: a wanted shift not worked, each unwanted one worked.</summary>
    private static double Wishes(PlanningProblem problem, IReadOnlyList<WorkedShift> shifts, ObjectiveWeights weights)
    {
        if (!problem.Institution.LabourRules["wishes"].Enabled)
        {
            return 0;
        }

        var wishes = 0.0;
        foreach (var caregiver in problem.Caregivers)
        {
            foreach (var wish in caregiver.Wishes)
            {
                foreach (var date in problem.Horizon.Dates.Where(wish.AppliesOn))
                {
                    var matching = shifts.Count(s => s.CaregiverId == caregiver.Id && s.Date == date && (wish.ShiftType is null || s.ShiftType.Code == wish.ShiftType));
                    wishes += weights.Wish * wish.Weight * (wish.Wanted ? (matching == 0 ? 1 : 0) : matching);
                }
            }
        }

        return wishes;
    }

    /// <summary>Each hour off the contract (contract); each weekend beyond every other one and each night beyond one in four (fairness).</summary>
    private static (double Contract, double Fairness) Workloads(PlanningProblem problem, ResolvedRota resolved, ObjectiveWeights weights)
    {
        var horizon = problem.Horizon;
        var zone = problem.Institution.TimeZone;
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

        return (contract, fairness);
    }

    /// <summary>In a repair: each published assignment dropped, and each one added, priced by who takes it.</summary>
    private static double Changes(PlanningProblem problem, Rota rota, RepairReference reference, ObjectiveWeights weights)
    {
        var now = rota.Assignments.Select(a => (a.CaregiverId, a.Date, a.DemandId)).ToHashSet();
        return (reference.Rota.Assignments.Count(a => !now.Contains((a.CaregiverId, a.Date, a.DemandId))) * weights.Change)
            + rota.Assignments
                .Where(a => !reference.IsPublished(a.CaregiverId, a.Date, a.DemandId))
                .Sum(a => reference.AddCost(problem.DemandsById[a.DemandId], a.CaregiverId, weights));
    }

    private static double GroupWeight(PlanningProblem problem, string groupId)
    {
        var children = problem.Children.Where(c => problem.Horizon.Dates.Any(d => c.GroupOn(d) == groupId)).ToList();
        return children.Count == 0 ? 1 : children.Average(c => c.IsUnderThreeOn(problem.Horizon.Start) ? 2.0 : 1.0);
    }
}
