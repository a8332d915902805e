using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Domain.Shifts;
using ContinuityScheduler.Solver.Model;
using NodaTime;

namespace ContinuityScheduler.Solver;

/// <summary>
/// The construction heuristic: a first rota in under a second, for the search to improve. Every caregiver gets
/// a home group (designated core team, key person, last weeks' group, else where hours are still needed); each day's
/// posts, scarcest first, go to the home team before others and relief staff last, to whoever is furthest below their
/// contract, and only where the caregiver's rules allow it. Then caregivers still short of their contract's minimum
/// take over empty posts and shifts of colleagues who can spare them, and posts still empty are filled by hand-overs.
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

    /// <summary>On a weekend someone already works: it is not free anyway.</summary>
    private const double WeekendStarted = 60;

    private readonly PlanningProblem problem;
    private readonly CaregiverRuleCheck rules;
    private readonly ShiftCalendar calendar;
    private readonly Dictionary<string, CaregiverTimeline> timelines;
    private readonly Dictionary<string, string?> homes;
    private readonly Dictionary<string, double> targets;
    private readonly double tolerance;
    private readonly int weekendWindow;
    /// <summary>Days around an empty post within which a shift may be handed to a colleague to free someone for it.</summary>
    private const int HandOverDays = 3;

    private readonly Dictionary<string, List<Caregiver>> eligible;
    private readonly List<Assignment> assignments = [];
    private readonly HashSet<Assignment> taken = [];
    private readonly Dictionary<(LocalDate Date, string DemandId), int> filled = [];
    private readonly Dictionary<(string CaregiverId, LocalDate Date), string> worksOn = [];
    private readonly Dictionary<string, double> worked = new(StringComparer.Ordinal);

    /// <summary>The steps of the change being tried (assigned or not), to undo it; null outside one.</summary>
    private List<(bool Added, Assignment Assignment)>? journal;

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
        eligible = problem.Demands.ToDictionary(
            d => d.Id,
            d => problem.Caregivers.Where(c => c.HasSkills(d.Skills) && d.GroupIds.All(c.MayWorkIn)).ToList(),
            StringComparer.Ordinal);
        weekendWindow = Math.Max(1, problem.Institution.LabourRules["free-weekends"].Weeks);
    }

    public static Rota Build(PlanningProblem problem)
    {
        var construction = new Construction(problem);
        construction.AssignPins();
        construction.FillPosts();
        construction.TopUpContracts();
        construction.FillGaps();
        return new Rota(construction.assignments, RotaSolver.MadeBy);
    }

    /// <summary>
    /// A rota carried further: its assignments kept (those of caregivers the problem holds), then its empty posts filled
    /// and everyone below their contract's minimum topped up, as in a first build. Staffing advice's start for hires.
    /// </summary>
    public static Rota Extend(PlanningProblem problem, Rota rota)
    {
        var construction = new Construction(problem);
        foreach (var assignment in rota.Assignments.Where(a => problem.CaregiversById.ContainsKey(a.CaregiverId)))
        {
            construction.Assign(assignment);
        }

        construction.FillGaps();
        construction.TopUpContracts();
        construction.FillGaps();
        return new Rota(construction.assignments, rota.MadeBy);
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

    /// <summary>Required pins first, each where its post applies that day and the caregiver's rules allow it (a pin no rule allows is the model's to report).</summary>
    private void AssignPins()
    {
        foreach (var pin in problem.Pins.Where(p => p.Kind == PinKind.Require && p.DemandId is not null && problem.Horizon.Contains(p.Date)))
        {
            var demand = problem.DemandsById[pin.DemandId!];
            if (demand.AppliesOn(pin.Date) && Allows(problem.CaregiversById[pin.CaregiverId], pin.Date, demand))
            {
                Assign(new Assignment(pin.CaregiverId, pin.Date, demand.Id));
            }
        }
    }

    /// <summary>
    /// Posts whose shifts run into a weekend first (Friday nights too), since free weekends are rationed; then the other
    /// days; each day the posts with the fewest possible caregivers first.
    /// </summary>
    private void FillPosts()
    {
        var slots = problem.Horizon.Dates
            .SelectMany(date => problem.Demands.Where(d => d.AppliesOn(date)).Select(d => (Date: date, Demand: d)))
            .OrderBy(s => WeekendOf(s.Date, s.Demand) is null)
            .ThenBy(s => s.Date)
            .ThenBy(s => eligible[s.Demand.Id].Count)
            .ThenBy(s => problem.ShiftTypeOf(s.Demand).Start)
            .ThenBy(s => s.Demand.Id, StringComparer.Ordinal);
        foreach (var (date, demand) in slots)
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

    /// <summary>The Saturday of the weekend the post's shift that date runs into, or null.</summary>
    private LocalDate? WeekendOf(LocalDate date, Demand demand)
    {
        var shift = calendar.Of(date, problem.ShiftTypeOf(demand));
        var saturday = date.DayOfWeek == IsoDayOfWeek.Sunday ? date.PlusDays(-1) : date.PlusDays(IsoDayOfWeek.Saturday - date.DayOfWeek);
        var weekend = new Interval(calendar.StartOf(saturday), calendar.StartOf(saturday.PlusDays(2)));
        return ShiftCalendar.Overlap(shift, weekend) ? saturday : null;
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
            foreach (var caregiver in problem.Caregivers.Where(BelowMinimum))
            {
                while (BelowMinimum(caregiver) && (TakeEmptyPost(caregiver) || TakeOver(caregiver)))
                {
                    changed = true;
                }
            }
        }
    }

    /// <summary>
    /// Posts still empty, scarcest first, get someone: directly when their rules allow it, else by one hand-over — a
    /// shift of theirs near the post, a whole weekend of theirs or a shift elsewhere goes to colleagues who may take it,
    /// which frees them for the post (measured: regional's first rota left 2 weekend posts empty, now none).
    /// </summary>
    private void FillGaps()
    {
        var gaps = problem.Horizon.Dates
            .SelectMany(date => problem.Demands.Where(d => d.AppliesOn(date) && Open(date, d) > 0).Select(d => (Date: date, Demand: d)))
            .OrderBy(g => eligible[g.Demand.Id].Count)
            .ToList();
        foreach (var (date, demand) in gaps)
        {
            while (Open(date, demand) > 0 && (TakeDirectly(date, demand) || TakeByHandOver(date, demand)))
            {
            }
        }
    }

    private bool TakeDirectly(LocalDate date, Demand demand)
    {
        var taker = FreeFor(date, demand).FirstOrDefault(c => Allows(c, date, demand));
        if (taker is null)
        {
            return false;
        }

        Assign(new Assignment(taker.Id, date, demand.Id));
        return true;
    }

    private bool TakeByHandOver(LocalDate date, Demand demand)
    {
        foreach (var caregiver in eligible[demand.Id].OrderBy(c => Cost(c, date, demand)).ThenBy(c => c.Id, StringComparer.Ordinal))
        {
            if (HandOvers(caregiver, date, demand).Any(given => TryHandOver(caregiver, date, demand, given)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// What the caregiver could give up to be free for a post, nearest first: one shift near it (a day's shift, rest,
    /// consecutive days); for a weekend post, each weekend's shifts together within the free-weekends window (free
    /// weekends count whole weekends); then one shift elsewhere in its week (weekly hours) or, when the post would take
    /// them over their contract's maximum, anywhere. Measured on regional with half its staff (784 person-shifts nobody
    /// can be freed for): every shift anywhere, tried, took its first rota from 4.5 s to 20.6 s; thus filtered, 1.0 s.
    /// </summary>
    private IEnumerable<List<Assignment>> HandOvers(Caregiver caregiver, LocalDate date, Demand demand)
    {
        int Distance(Assignment a) => Math.Abs(Period.Between(a.Date, date, PeriodUnits.Days).Days);
        var own = assignments.Where(a => a.CaregiverId == caregiver.Id && !IsPinned(a)).OrderBy(Distance).ThenBy(a => a.Date).ToList();
        var near = own.Where(a => Distance(a) <= HandOverDays).Select(a => new List<Assignment> { a });
        var weekends = WeekendOf(date, demand) is not { } saturday ? [] : own
            .GroupBy(a => WeekendOf(a.Date, problem.DemandsById[a.DemandId]))
            .Where(w => w.Key is { } other && Math.Abs(Period.Between(other, saturday, PeriodUnits.Weeks).Weeks) < weekendWindow)
            .Select(w => w.ToList());
        var overMaximum = !HasRoomFor(caregiver, HoursOf(date, demand));
        var week = date.PlusDays(1 - (int)date.DayOfWeek);
        var far = own.Where(a => Distance(a) > HandOverDays && (overMaximum || (a.Date >= week && a.Date < week.PlusWeeks(1)))).Select(a => new List<Assignment> { a });
        return near.Concat(weekends).Concat(far);
    }

    /// <summary>Whether the caregiver's hours leave room for a shift of these hours within their contract's maximum (a quick test before the rules').</summary>
    private bool HasRoomFor(Caregiver caregiver, double hours) => Worked(caregiver.Id) + hours <= targets[caregiver.Id] + tolerance + 1e-6;

    private double HoursOf(LocalDate date, Demand demand)
    {
        var type = problem.ShiftTypeOf(demand);
        return calendar.Of(date, type).Duration.TotalHours * type.WorkingTimeFactor;
    }

    /// <summary>
    /// The caregiver gives up these shifts and takes the post, colleagues free on their dates take each of them, and
    /// the caregiver, if now below their contract's minimum, takes empty posts or spare shifts back up to it; else nothing changes.
    /// </summary>
    private bool TryHandOver(Caregiver caregiver, LocalDate date, Demand demand, List<Assignment> given)
    {
        // A shift no colleague is free for, with hours to spare, cannot be handed over: known before any rule is checked.
        if (!given.All(shift => FreeFor(shift.Date, problem.DemandsById[shift.DemandId]).Any(c => c.Id != caregiver.Id)))
        {
            return false;
        }

        return Try(() =>
        {
            given.ForEach(Unassign);
            if (!Allows(caregiver, date, demand))
            {
                return false;
            }

            Assign(new Assignment(caregiver.Id, date, demand.Id));
            foreach (var shift in given)
            {
                var shiftDemand = problem.DemandsById[shift.DemandId];
                if (FreeFor(shift.Date, shiftDemand).FirstOrDefault(c => c.Id != caregiver.Id && Allows(c, shift.Date, shiftDemand)) is not { } colleague)
                {
                    return false;
                }

                Assign(new Assignment(colleague.Id, shift.Date, shiftDemand.Id));
            }

            while (BelowMinimum(caregiver) && (TakeEmptyPost(caregiver) || TakeOver(caregiver)))
            {
            }

            return !BelowMinimum(caregiver);
        });
    }

    /// <summary>Runs a change of several steps: kept when it says so, else every step is undone.</summary>
    private bool Try(Func<bool> change)
    {
        var outer = journal;
        journal = [];
        var kept = change();
        var steps = journal;
        // Undone unrecorded: an outer change keeps only the steps of inner ones that were kept.
        journal = null;
        for (var i = steps.Count - 1; !kept && i >= 0; i--)
        {
            if (steps[i].Added)
            {
                Unassign(steps[i].Assignment);
            }
            else
            {
                Assign(steps[i].Assignment);
            }
        }

        journal = outer;
        if (kept)
        {
            journal?.AddRange(steps);
        }

        return kept;
    }

    private bool BelowMinimum(Caregiver caregiver) => !caregiver.Contract.IsOnCall && Worked(caregiver.Id) < targets[caregiver.Id] - tolerance;

    /// <summary>Who may work a post and has no shift that day, cheapest first.</summary>
    private IEnumerable<Caregiver> FreeFor(LocalDate date, Demand demand)
    {
        var hours = HoursOf(date, demand);
        return eligible[demand.Id].Where(c => !worksOn.ContainsKey((c.Id, date)) && HasRoomFor(c, hours)).OrderBy(c => Cost(c, date, demand)).ThenBy(c => c.Id, StringComparer.Ordinal);
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
        if (IsPinned(assignment))
        {
            return false;
        }

        var caregiver = problem.CaregiversById[assignment.CaregiverId];
        var hours = ResolvedRota.Place(problem, assignment).WorkingHours;
        return caregiver.Contract.IsOnCall || Worked(caregiver.Id) - hours >= targets[caregiver.Id] - tolerance;
    }

    private bool IsPinned(Assignment assignment) => problem.Pins.Any(p => p.Kind == PinKind.Require && p.Matches(assignment));

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

        if (WeekendOf(date, demand) is { } saturday)
        {
            cost += WeekendWorked * Enumerable.Range(1, weekendWindow - 1).Count(w => WorksWeekend(caregiver.Id, saturday.PlusWeeks(-w)));
            if (WorksWeekend(caregiver.Id, saturday))
            {
                cost -= WeekendStarted;
            }
        }

        return cost;
    }

    private bool Allows(Caregiver caregiver, LocalDate date, Demand demand)
    {
        var assignment = new Assignment(caregiver.Id, date, demand.Id);
        if (taken.Contains(assignment) || problem.Pins.Any(p => p.Kind == PinKind.Forbid && p.Matches(assignment)) || !ReliefShareAllows(caregiver, date, demand))
        {
            return false;
        }

        var shift = ResolvedRota.Place(problem, assignment);
        return rules.Allows(timelines[caregiver.Id], shift);
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

    /// <summary>Whether the caregiver works at some instant of the weekend starting that Saturday, history included.</summary>
    private bool WorksWeekend(string caregiverId, LocalDate saturday) =>
        timelines[caregiverId].WorksDuring(new Interval(calendar.StartOf(saturday), calendar.StartOf(saturday.PlusDays(2))));

    private int Open(LocalDate date, Demand demand) => demand.Count - filled.GetValueOrDefault((date, demand.Id));

    private double Worked(string caregiverId) => worked.GetValueOrDefault(caregiverId);

    private void Assign(Assignment assignment)
    {
        var shift = ResolvedRota.Place(problem, assignment);
        journal?.Add((true, assignment));
        timelines[assignment.CaregiverId] = timelines[assignment.CaregiverId].With(shift);
        assignments.Add(assignment);
        taken.Add(assignment);
        filled[(assignment.Date, assignment.DemandId)] = filled.GetValueOrDefault((assignment.Date, assignment.DemandId)) + 1;
        worksOn[(assignment.CaregiverId, assignment.Date)] = assignment.DemandId;
        worked[assignment.CaregiverId] = Worked(assignment.CaregiverId) + shift.WorkingHours;
    }

    private void Unassign(Assignment assignment)
    {
        journal?.Add((false, assignment));
        assignments.Remove(assignment);
        taken.Remove(assignment);
        filled[(assignment.Date, assignment.DemandId)]--;
        worksOn.Remove((assignment.CaregiverId, assignment.Date));
        worked[assignment.CaregiverId] -= ResolvedRota.Place(problem, assignment).WorkingHours;
        var timeline = timelines[assignment.CaregiverId];
        timelines[assignment.CaregiverId] = new CaregiverTimeline(timeline.Caregiver, timeline.Shifts.Where(s => s.IsHistory || s.Date != assignment.Date || s.Demand?.Id != assignment.DemandId));
    }
}
