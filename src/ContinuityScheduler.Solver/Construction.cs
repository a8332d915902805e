using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Domain.Shifts;
using ContinuityScheduler.Solver.Model;
using NodaTime;

namespace ContinuityScheduler.Solver;

/// <summary>
/// The construction heuristic: a first rota in well under a second, for the search to improve. Every caregiver gets
/// a home group (designated core team, key person, last weeks' group, else where hours are still needed); each day's
/// posts, scarcest first, go to the home team before others and relief staff last, to whoever is furthest below their
/// contract, and only where the caregiver's rules allow it. Then caregivers still short of their contract's minimum
/// take over empty posts and shifts of colleagues who can spare them.
/// </summary>
public sealed class Construction
{
    /// <summary>A caregiver outside the post's home team, and relief staff, are chosen only after the team.</summary>
    private const double OutsideTeam = 1_000;

    private const double OnCall = 2_000;

    /// <summary>Per skill the caregiver has that the post does not need: keeps scarce people for the posts that need them.</summary>
    private const double SpareSkill = 30;

    private const double SamePostYesterday = 15;

    /// <summary>Per weekend already worked, on a weekend date: free weekends are rationed, so they go round.</summary>
    private const double WeekendWorked = 40;

    /// <summary>On a Sunday, for someone working the Saturday: the weekend is not free anyway.</summary>
    private const double WeekendStarted = 60;

    private readonly PlanningProblem problem;
    private readonly CaregiverRuleCheck rules;
    private readonly ShiftCalendar calendar;
    private readonly Dictionary<string, CaregiverTimeline> timelines;
    private readonly Dictionary<string, string?> homes;
    private readonly Dictionary<string, double> targets;
    private readonly double tolerance;
    private readonly int weekendWindow;
    private readonly List<Assignment> assignments = [];
    private readonly Dictionary<(LocalDate Date, string DemandId), int> filled = [];
    private readonly Dictionary<(string CaregiverId, LocalDate Date), string> worksOn = [];
    private readonly Dictionary<string, double> worked = new(StringComparer.Ordinal);

    private Construction(PlanningProblem problem)
    {
        this.problem = problem;
        rules = new CaregiverRuleCheck(problem);
        calendar = new ShiftCalendar(problem);
        timelines = new ResolvedRota(problem, new Rota([], RotaSolver.MadeBy)).Timelines.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
        targets = problem.Caregivers.ToDictionary(c => c.Id, c => ContractHoursRule.Target(c, problem.Horizon), StringComparer.Ordinal);
        var contract = problem.Institution.LabourRules["contract-hours"];
        tolerance = contract.IsHard ? ContractHoursRule.HorizonTolerance(contract, problem.Horizon) : double.MaxValue;
        homes = HomeGroups();
        weekendWindow = Math.Max(1, problem.Institution.LabourRules["free-weekends"].Weeks);
    }

    public static Rota Build(PlanningProblem problem)
    {
        var construction = new Construction(problem);
        construction.AssignPins();
        construction.FillPosts();
        construction.TopUpContracts();
        return new Rota(construction.assignments, RotaSolver.MadeBy);
    }

    /// <summary>Each permanent caregiver's group: designated core team, then key person, then history, then the group that needs hours most.</summary>
    private Dictionary<string, string?> HomeGroups()
    {
        var need = problem.Groups.ToDictionary(g => g.Id, _ => 0.0, StringComparer.Ordinal);
        foreach (var date in problem.Horizon.Dates)
        {
            foreach (var demand in problem.Demands.Where(d => d.AppliesOn(date)))
            {
                var hours = calendar.Of(date, problem.ShiftTypeOf(demand)).Duration.TotalHours * demand.Count;
                foreach (var groupId in demand.GroupIds)
                {
                    need[groupId] += hours / demand.GroupIds.Count;
                }
            }
        }

        var pastShifts = problem.History.Shifts
            .SelectMany(s => s.GroupIds.Select(g => (s.CaregiverId, GroupId: g)))
            .CountBy(s => s)
            .ToDictionary(p => p.Key, p => p.Value);
        string? Known(Caregiver caregiver) =>
            problem.Groups.FirstOrDefault(g => g.CoreTeam.Contains(caregiver.Id))?.Id
            ?? problem.Children.Where(c => c.KeyPersons.Contains(caregiver.Id)).SelectMany(c => c.Memberships).Select(m => m.GroupId).FirstOrDefault(need.ContainsKey)
            ?? problem.Groups.Where(g => pastShifts.ContainsKey((caregiver.Id, g.Id)) && caregiver.MayWorkIn(g.Id))
                .OrderByDescending(g => pastShifts[(caregiver.Id, g.Id)]).FirstOrDefault()?.Id;

        var homes = new Dictionary<string, string?>(StringComparer.Ordinal);
        var permanent = problem.Caregivers.Where(c => !c.Contract.IsOnCall).ToList();
        foreach (var caregiver in permanent)
        {
            if (Known(caregiver) is { } groupId)
            {
                homes[caregiver.Id] = groupId;
                need[groupId] -= targets[caregiver.Id];
            }
        }

        var rest = permanent.Where(c => !homes.ContainsKey(c.Id))
            .OrderBy(c => c.AllowedGroups.Count == 0 ? int.MaxValue : c.AllowedGroups.Count)
            .ThenByDescending(c => c.Contract.HoursPerWeek)
            .ThenBy(c => c.Id, StringComparer.Ordinal);
        foreach (var caregiver in rest)
        {
            var home = problem.Groups.Where(g => caregiver.MayWorkIn(g.Id)).MaxBy(g => need[g.Id])?.Id;
            homes[caregiver.Id] = home;
            if (home is not null)
            {
                need[home] -= targets[caregiver.Id];
            }
        }

        return homes;
    }

    private void AssignPins()
    {
        foreach (var pin in problem.Pins.Where(p => p.Kind == PinKind.Require && p.DemandId is not null && problem.Horizon.Contains(p.Date)))
        {
            Assign(new Assignment(pin.CaregiverId, pin.Date, pin.DemandId!));
        }
    }

    /// <summary>Weekends first, since free weekends are rationed; then the other days; each day the posts with the fewest possible caregivers first.</summary>
    private void FillPosts()
    {
        var eligible = problem.Demands.ToDictionary(
            d => d.Id,
            d => problem.Caregivers.Where(c => c.HasSkills(d.Skills) && d.GroupIds.All(c.MayWorkIn)).ToList(),
            StringComparer.Ordinal);
        foreach (var date in problem.Horizon.Dates.OrderBy(d => d.DayOfWeek < IsoDayOfWeek.Saturday).ThenBy(d => d))
        {
            var demands = problem.Demands.Where(d => d.AppliesOn(date))
                .OrderBy(d => eligible[d.Id].Count)
                .ThenBy(d => problem.ShiftTypeOf(d).Start)
                .ThenBy(d => d.Id, StringComparer.Ordinal);
            foreach (var demand in demands)
            {
                for (var open = Open(date, demand); open > 0; open--)
                {
                    var chosen = eligible[demand.Id]
                        .Where(c => !worksOn.ContainsKey((c.Id, date)))
                        .OrderBy(c => Cost(c, date, demand))
                        .ThenBy(c => c.Id, StringComparer.Ordinal)
                        .FirstOrDefault(c => Allows(c, date, demand));
                    if (chosen is null)
                    {
                        break;
                    }

                    Assign(new Assignment(chosen.Id, date, demand.Id));
                }
            }
        }
    }

    /// <summary>
    /// Caregivers below their contract's minimum take, in this order, empty posts and then shifts of colleagues who
    /// stay above their own minimum without them, home group first.
    /// </summary>
    private void TopUpContracts()
    {
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var caregiver in problem.Caregivers.Where(c => !c.Contract.IsOnCall && Worked(c.Id) < targets[c.Id] - tolerance))
            {
                while (Worked(caregiver.Id) < targets[caregiver.Id] - tolerance && (TakeEmptyPost(caregiver) || TakeOver(caregiver)))
                {
                    changed = true;
                }
            }
        }
    }

    private bool TakeEmptyPost(Caregiver caregiver)
    {
        var post = problem.Horizon.Dates
            .SelectMany(date => problem.Demands.Where(d => d.AppliesOn(date) && Open(date, d) > 0).Select(d => (date, demand: d)))
            .Where(p => p.demand.GroupIds.All(caregiver.MayWorkIn) && caregiver.HasSkills(p.demand.Skills))
            .OrderBy(p => Cost(caregiver, p.date, p.demand))
            .FirstOrDefault(p => Allows(caregiver, p.date, p.demand));
        if (post.demand is null)
        {
            return false;
        }

        Assign(new Assignment(caregiver.Id, post.date, post.demand.Id));
        return true;
    }

    private bool TakeOver(Caregiver caregiver)
    {
        var shift = assignments
            .Where(a => a.CaregiverId != caregiver.Id && CanSpare(a))
            .Select(a => (assignment: a, demand: problem.DemandsById[a.DemandId]))
            .Where(p => p.demand.GroupIds.All(caregiver.MayWorkIn) && caregiver.HasSkills(p.demand.Skills))
            .OrderBy(p => Cost(caregiver, p.assignment.Date, p.demand))
            .FirstOrDefault(p => Allows(caregiver, p.assignment.Date, p.demand));
        if (shift.assignment is null)
        {
            return false;
        }

        Unassign(shift.assignment);
        Assign(new Assignment(caregiver.Id, shift.assignment.Date, shift.demand.Id));
        return true;
    }

    /// <summary>Whether the assignment's caregiver stays at or above their contract's minimum without it, and it is not pinned.</summary>
    private bool CanSpare(Assignment assignment)
    {
        if (problem.Pins.Any(p => p.Kind == PinKind.Require && p.Matches(assignment)))
        {
            return false;
        }

        var caregiver = problem.CaregiversById[assignment.CaregiverId];
        var hours = ResolvedRota.Place(problem, assignment).WorkingHours;
        return caregiver.Contract.IsOnCall || Worked(caregiver.Id) - hours >= targets[caregiver.Id] - tolerance;
    }

    /// <summary>Lower is better: home team before others, relief last; then whoever is furthest below their contract.</summary>
    private double Cost(Caregiver caregiver, LocalDate date, Demand demand)
    {
        var cost = caregiver.Contract.IsOnCall ? OnCall
            : homes.GetValueOrDefault(caregiver.Id) is { } home && demand.GroupIds.Contains(home) ? 0
            : OutsideTeam;
        cost += SpareSkill * caregiver.Skills.Count(s => !demand.Skills.Contains(s));
        cost += 100 * Worked(caregiver.Id) / Math.Max(1, targets[caregiver.Id]);
        if (worksOn.GetValueOrDefault((caregiver.Id, date.PlusDays(-1))) == demand.Id)
        {
            cost -= SamePostYesterday;
        }

        if (date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday)
        {
            var saturday = date.DayOfWeek == IsoDayOfWeek.Saturday ? date : date.PlusDays(-1);
            cost += WeekendWorked * Enumerable.Range(1, weekendWindow - 1).Count(w => WorksWeekend(caregiver.Id, saturday.PlusWeeks(-w)));
            if (date != saturday && WorksWeekend(caregiver.Id, saturday))
            {
                cost -= WeekendStarted;
            }
        }

        return cost;
    }

    private bool Allows(Caregiver caregiver, LocalDate date, Demand demand)
    {
        var assignment = new Assignment(caregiver.Id, date, demand.Id);
        if (problem.Pins.Any(p => p.Kind == PinKind.Forbid && p.Matches(assignment)) || !ReliefShareAllows(caregiver, date, demand))
        {
            return false;
        }

        var shift = ResolvedRota.Place(problem, assignment);
        return rules.Allows(timelines[caregiver.Id], shift) && KeepsFreeDays(timelines[caregiver.Id].With(shift));
    }

    /// <summary>relief-share, a rule of the whole rota: one more relief caregiver on this shift must stay within the share.</summary>
    private bool ReliefShareAllows(Caregiver caregiver, LocalDate date, Demand demand)
    {
        var settings = problem.Institution.LabourRules["relief-share"];
        if (!caregiver.Contract.IsOnCall || !settings.IsHard)
        {
            return true;
        }

        var type = problem.ShiftTypeOf(demand).Code;
        return demand.GroupIds.All(groupId =>
        {
            var there = assignments.Where(a => a.Date == date && problem.DemandsById[a.DemandId] is var d && d.ShiftType == type && d.GroupIds.Contains(groupId))
                .Select(a => problem.CaregiversById[a.CaregiverId]).ToList();
            return there.Count(c => c.Contract.IsOnCall) + 1 <= (settings.Limit * (there.Count + 1)) + 1e-9;
        });
    }

    /// <summary>
    /// weekly-rest as the solver's model states it, stricter than the validator's: each week keeps a whole free day
    /// whose surrounding rest, counted up to the horizon's end, reaches the limit. Without it the model rejects the rota.
    /// </summary>
    private bool KeepsFreeDays(CaregiverTimeline timeline)
    {
        var settings = problem.Institution.LabourRules["weekly-rest"];
        if (!settings.IsHard)
        {
            return true;
        }

        var horizonEnd = calendar.StartOf(problem.Horizon.End.PlusDays(1));
        bool Free(LocalDate date)
        {
            var day = calendar.DayOf(date);
            if (timeline.WorksDuring(day))
            {
                return false;
            }

            var restFrom = timeline.Shifts.Where(s => s.Interval.End <= day.Start).Select(s => (Instant?)s.Interval.End).Max();
            var restTo = timeline.RotaShifts.Where(s => s.Interval.Start >= day.End).Select(s => s.Interval.Start).Append(horizonEnd).Min();
            return restFrom is not { } from || (restTo - from).TotalHours >= settings.Limit;
        }

        return problem.Horizon.WeekStarts.All(monday => Enumerable.Range(0, 7).Any(d => Free(monday.PlusDays(d))));
    }

    /// <summary>Whether the caregiver works at some instant of the weekend starting that Saturday, history included.</summary>
    private bool WorksWeekend(string caregiverId, LocalDate saturday) =>
        timelines[caregiverId].WorksDuring(new Interval(calendar.StartOf(saturday), calendar.StartOf(saturday.PlusDays(2))));

    private int Open(LocalDate date, Demand demand) => demand.Count - filled.GetValueOrDefault((date, demand.Id));

    private double Worked(string caregiverId) => worked.GetValueOrDefault(caregiverId);

    private void Assign(Assignment assignment)
    {
        var shift = ResolvedRota.Place(problem, assignment);
        timelines[assignment.CaregiverId] = timelines[assignment.CaregiverId].With(shift);
        assignments.Add(assignment);
        filled[(assignment.Date, assignment.DemandId)] = filled.GetValueOrDefault((assignment.Date, assignment.DemandId)) + 1;
        worksOn[(assignment.CaregiverId, assignment.Date)] = assignment.DemandId;
        worked[assignment.CaregiverId] = Worked(assignment.CaregiverId) + shift.WorkingHours;
    }

    private void Unassign(Assignment assignment)
    {
        assignments.Remove(assignment);
        filled[(assignment.Date, assignment.DemandId)]--;
        worksOn.Remove((assignment.CaregiverId, assignment.Date));
        worked[assignment.CaregiverId] -= ResolvedRota.Place(problem, assignment).WorkingHours;
        var timeline = timelines[assignment.CaregiverId];
        timelines[assignment.CaregiverId] = new CaregiverTimeline(timeline.Caregiver, timeline.Shifts.Where(s => s.IsHistory || s.Date != assignment.Date || s.Demand?.Id != assignment.DemandId));
    }
}
