using ContinuityScheduler.Domain.Model;
using NodaTime;

namespace ContinuityScheduler.Solver.Tests.Support;

/// <summary>
/// The objective written a third time, from docs/solver.md's table alone, sharing no code with ObjectiveFunction or the
/// model (no ResolvedRota, no rule classes): what the tests price rotas with, to catch a weight or a term gone wrong.
/// </summary>
internal static class IndependentObjective
{
    public static double Price(PlanningProblem problem, Rota rota, Rota? published = null)
    {
        var zone = problem.Institution.TimeZone;
        var shifts = rota.Assignments.Select(a =>
        {
            var demand = problem.DemandsById[a.DemandId];
            var type = problem.ShiftTypesByCode[demand.ShiftType];
            var interval = type.IntervalOn(a.Date, zone);
            return (a.CaregiverId, a.Date, Demand: demand, Type: type, Interval: interval, Hours: interval.Duration.TotalHours * type.WorkingTimeFactor);
        }).ToList();
        var dates = Enumerable.Range(0, problem.Horizon.Weeks * 7).Select(problem.Horizon.Start.PlusDays).ToList();
        double ChildWeight(Child child) => child.BirthDate.PlusYears(3) > problem.Horizon.Start ? 2 : 1;
        double GroupWeight(string group)
        {
            var present = problem.Children.Where(c => dates.Any(d => c.GroupOn(d) == group)).ToList();
            return present.Count == 0 ? 1 : present.Average(ChildWeight);
        }

        var total = 0.0;

        // shortfall
        foreach (var demand in problem.Demands)
        {
            foreach (var date in dates.Where(demand.AppliesOn))
            {
                var staffed = shifts.Where(s => s.Date == date && s.Demand.Id == demand.Id).Select(s => s.CaregiverId).Distinct().Count();
                total += 10_000 * Math.Max(0, demand.Count - staffed);
            }
        }

        // distinct caregivers, per horizon and per week; stability
        var historyPairs = problem.History.Shifts.SelectMany(h => h.GroupIds.Select(g => (g, h.CaregiverId))).ToHashSet();
        var groupsWithHistory = historyPairs.Select(p => p.g).ToHashSet();
        foreach (var pair in shifts.SelectMany(s => s.Demand.GroupIds.Select(g => (Group: g, s.CaregiverId, s.Date))).GroupBy(x => (x.Group, x.CaregiverId)))
        {
            var weight = GroupWeight(pair.Key.Group);
            total += 100 * weight;
            total += 20 * weight * pair.Select(x => x.Date.PlusDays(1 - (int)x.Date.DayOfWeek)).Distinct().Count();
            if (groupsWithHistory.Contains(pair.Key.Group) && !historyPairs.Contains((pair.Key.Group, pair.Key.CaregiverId)))
            {
                total += 30;
            }
        }

        // key persons and key moments
        foreach (var child in problem.Children.Where(c => c.KeyPersons.Count > 0))
        {
            foreach (var date in dates)
            {
                if (child.GroupOn(date) is not { } group)
                {
                    continue;
                }

                var wake = (date + problem.Institution.KeyMoments.WakeUp).InZoneLeniently(zone).ToInstant();
                var bed = (date + problem.Institution.KeyMoments.Bedtime).InZoneLeniently(zone).ToInstant();
                var theirs = shifts.Where(s => child.KeyPersons.Contains(s.CaregiverId) && s.Demand.GroupIds.Contains(group)).ToList();
                if (!theirs.Any(s => s.Interval.Start < bed && wake < s.Interval.End))
                {
                    total += 10 * ChildWeight(child);
                }

                foreach (var moment in new[] { wake, bed })
                {
                    if (!theirs.Any(s => s.Interval.Start <= moment && moment < s.Interval.End))
                    {
                        total += 4 * ChildWeight(child);
                    }
                }
            }
        }

        // wishes
        if (problem.Institution.LabourRules["wishes"].Enabled)
        {
            foreach (var caregiver in problem.Caregivers)
            {
                foreach (var wish in caregiver.Wishes)
                {
                    foreach (var date in dates.Where(d => wish.Date == d || wish.Weekday == d.DayOfWeek))
                    {
                        var matching = shifts.Count(s => s.CaregiverId == caregiver.Id && s.Date == date && (wish.ShiftType is null || s.Type.Code == wish.ShiftType));
                        total += 3 * wish.Weight * (wish.Wanted ? (matching == 0 ? 1 : 0) : matching);
                    }
                }
            }
        }

        // contract closeness and fairness
        foreach (var caregiver in problem.Caregivers)
        {
            var own = shifts.Where(s => s.CaregiverId == caregiver.Id).ToList();
            if (caregiver.Contract.EmploymentType == EmploymentType.Permanent)
            {
                var absent = dates.Count(d => caregiver.Absences.Any(a => a.Dates.Contains(d)));
                var target = caregiver.Contract.HoursPerWeek * (problem.Horizon.Weeks - (absent / 7.0));
                total += 0.5 * Math.Abs(own.Sum(s => s.Hours) - target);
            }

            var past = problem.History.Shifts.Where(h => h.CaregiverId == caregiver.Id)
                .Select(h => problem.ShiftTypesByCode[h.ShiftType].IntervalOn(h.Date, zone));
            var intervals = own.Select(s => s.Interval).Concat(past).ToList();
            var weekends = dates.Where(d => d.DayOfWeek == IsoDayOfWeek.Saturday).Count(saturday =>
            {
                var start = saturday.AtStartOfDayInZone(zone).ToInstant();
                var end = saturday.PlusDays(2).AtStartOfDayInZone(zone).ToInstant();
                return intervals.Any(i => i.Start < end && start < i.End);
            });
            total += 2 * Math.Max(0, weekends - (problem.Horizon.Weeks / 2.0));
            total += 1 * Math.Max(0, own.Count(s => s.Type.Kind is ShiftKind.WakingNight or ShiftKind.SleepIn) - (problem.Horizon.Weeks * 7 / 4.0));
        }

        // changes (repair)
        if (published is not null)
        {
            var now = rota.Assignments.ToHashSet();
            var before = published.Assignments.ToHashSet();
            total += 1_000 * before.Count(a => !now.Contains(a));
            foreach (var added in now.Where(a => !before.Contains(a)))
            {
                var demand = problem.DemandsById[added.DemandId];
                var inCore = demand.GroupIds.All(g => CoreTeam(problem, published, g).Contains(added.CaregiverId));
                total += inCore ? 800 : 1_000;
            }
        }

        return total;
    }

    private static HashSet<string> CoreTeam(PlanningProblem problem, Rota published, string groupId)
    {
        var group = problem.GroupsById[groupId];
        if (group.CoreTeam.Count > 0)
        {
            return [.. group.CoreTeam];
        }

        return [.. published.Assignments.Where(a => problem.DemandsById[a.DemandId].GroupIds.Contains(groupId))
            .GroupBy(a => a.CaregiverId)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(group.CoreTeamTarget)
            .Select(g => g.Key)];
    }
}
