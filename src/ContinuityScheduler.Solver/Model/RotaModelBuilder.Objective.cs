using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Solver.Engine;
using NodaTime;

namespace ContinuityScheduler.Solver.Model;

/// <summary>The objective's terms, one method each, priced by <see cref="ObjectiveWeights"/> (docs/solver.md).</summary>
public sealed partial class RotaModelBuilder
{
    private void AddObjective()
    {
        Changes();
        DistinctCaregivers();
        KeyPersons();
        KeyMoments();
        Wishes();
        ContractCloseness();
        FairSpread();
    }

    /// <summary>In a repair: each assignment added to the published rota, or taken from it, is a change.</summary>
    private void Changes()
    {
        if (reference is null)
        {
            return;
        }

        foreach (var (key, column) in assignments)
        {
            if (reference.IsPublished(key.CaregiverId, key.Date, key.DemandId))
            {
                // Costs Change when the column is 0: a constant plus a negative cost on the column.
                mip.AddConstant(weights.Change);
                mip.AddCost(column, -weights.Change);
                changed.Add(-1 * (Term)column);
            }
            else
            {
                mip.AddCost(column, reference.AddCost(problem.DemandsById[key.DemandId], key.CaregiverId, weights));
                changed.Add(column);
            }
        }

        // A published assignment the model has no column for (the caregiver is now absent) is a change whatever happens.
        mip.AddConstant(weights.Change * reference.Rota.Assignments.Count(a => !assignments.ContainsKey(new AssignmentKey(a.CaregiverId, a.Date, a.DemandId))));
    }

    /// <summary>
    /// Few distinct caregivers per group over the horizon and per week, weighted by the group's children; a caregiver
    /// new to a group that has history costs more, so last week's teams stay.
    /// </summary>
    private void DistinctCaregivers()
    {
        var pastTeams = problem.History.Shifts.SelectMany(s => s.GroupIds.Select(g => (g, s.CaregiverId))).ToHashSet();
        var groupsWithHistory = pastTeams.Select(p => p.g).ToHashSet();
        var inGroupsOf = new Dictionary<string, List<(Caregiver, Variable, List<Cell>)>>();
        var inWeeksOf = new Dictionary<(string, LocalDate), List<(Caregiver, Variable, List<Cell>)>>();
        foreach (var caregiver in Caregivers)
        {
            var cells = Horizon.Dates.SelectMany(d => On(caregiver.Id, d)).ToList();
            var inGroups = new List<Variable>();
            var inWeeks = new List<Variable>();
            foreach (var groupId in cells.SelectMany(c => c.Demand.GroupIds).Distinct())
            {
                var weight = GroupWeight(groupId);
                var newcomer = groupsWithHistory.Contains(groupId) && !pastTeams.Contains((groupId, caregiver.Id)) ? weights.NewToGroup : 0;
                var weeks = new List<Variable>();
                foreach (var monday in Horizon.WeekStarts)
                {
                    var days = Enumerable.Range(0, 7)
                        .Select(d => On(caregiver.Id, monday.PlusDays(d)).Where(c => c.Demand.Covers(groupId)).ToList())
                        .Where(day => day.Count > 0)
                        .ToList();
                    if (days.Count == 0)
                    {
                        continue;
                    }

                    var inWeek = Auxiliary(mip.AddBinary(weights.CaregiverInGroupWeek * weight), v => days.Any(day => Sum(v, day) > 0.5) ? 1 : 0);
                    Collect(inWeeksOf, (groupId, monday), (caregiver, inWeek, [.. days.SelectMany(d => d)]));
                    foreach (var day in days)
                    {
                        Implies("link:continuity", day, inWeek);
                    }

                    // The same link in bulk: it is what lifts the LP bound, since a fractional rota cannot spread a week thinly over many people.
                    var week = days.SelectMany(d => d).ToList();
                    mip.Add("link:continuity", [.. Terms(week), -ShiftsCap(caregiver, week, weekly: true) * (Term)inWeek], Sense.LessOrEqual, 0);

                    weeks.Add(inWeek);
                }

                var inGroup = Auxiliary(mip.AddBinary((weights.CaregiverInGroup * weight) + newcomer), v => weeks.Max(w => v[w.Index]));
                foreach (var week in weeks)
                {
                    mip.Add("link:continuity", [week, -1 * (Term)inGroup], Sense.LessOrEqual, 0);
                }

                var all = cells.Where(c => c.Demand.Covers(groupId)).ToList();
                mip.Add("link:continuity", [.. Terms(all), -ShiftsCap(caregiver, all, weekly: false) * (Term)inGroup], Sense.LessOrEqual, 0);
                inGroups.Add(inGroup);
                inWeeks.AddRange(weeks);
                Collect(inGroupsOf, groupId, (caregiver, inGroup, all));
            }

            WorkCuts(caregiver, cells, inGroups, inWeeks);
        }

        foreach (var group in problem.Groups)
        {
            var posts = shortfalls.Where(s => problem.DemandsById[s.Key.DemandId].Covers(group.Id)).ToList();
            CoverCuts($"{group.Id} needs people", inGroupsOf.GetValueOrDefault(group.Id) ?? [], [.. posts.Select(p => (p.Value.Hours, p.Value.Shortfall))], Horizon.Weeks);
            foreach (var monday in Horizon.WeekStarts)
            {
                var inWeek = posts.Where(p => p.Key.Date >= monday && p.Key.Date < monday.PlusDays(7)).Select(p => (p.Value.Hours, p.Value.Shortfall)).ToList();
                CoverCuts($"{group.Id} needs people in the week of {monday:uuuu-MM-dd}", inWeeksOf.GetValueOrDefault((group.Id, monday)) ?? [], inWeek, 1);
            }
        }
    }

    private static void Collect<TKey, TValue>(Dictionary<TKey, List<TValue>> lists, TKey key, TValue value)
        where TKey : notnull
    {
        if (!lists.TryGetValue(key, out var list))
        {
            lists[key] = list = [];
        }

        list.Add(value);
    }

    /// <summary>
    /// Cuts: rows every rota keeps, added because the relaxation misses them and the bound is the relaxation's. A
    /// caregiver whose contract asks for at least M shifts (their minimum hours in their longest shifts) works in some
    /// group, and in at least as many weeks as it takes to fit M shifts into their fullest weeks. Both hold only while
    /// the contract's minimum does: a slack of δ or more (what would let one shift fewer do) switches them off.
    /// </summary>
    private void WorkCuts(Caregiver caregiver, List<Cell> cells, List<Variable> inGroups, List<Variable> inWeeks)
    {
        if (cells.Count == 0 || !contractSlacks.TryGetValue(caregiver.Id, out var minimum))
        {
            return;
        }

        var longest = cells.Max(c => c.WorkingHours);
        if (longest <= 0)
        {
            return;
        }

        var shifts = (int)Math.Ceiling((minimum.Hours / longest) - 1e-9);
        var delta = minimum.Hours - ((shifts - 1) * longest);
        var (works, once) = WhenHired(caregiver.Id, [.. inGroups.Select(g => (Term)g), (1 / delta) * (Term)minimum.Slack], 1);
        mip.Add("cut", works, Sense.GreaterOrEqual, once, $"{caregiver.Id} works");
        if (Hard("one-shift-per-day") is not { Limit: < 2 })
        {
            return;
        }

        var capacities = Horizon.WeekStarts
            .Select(monday => Week(caregiver.Id, monday).ToList())
            .Select(week => week.Count == 0 ? 0 : ShiftsCap(caregiver, week, weekly: true))
            .OrderDescending()
            .ToList();
        var weeks = 0;
        for (var fitted = 0.0; weeks < capacities.Count && fitted < shifts; weeks++)
        {
            fitted += capacities[weeks];
        }

        if (weeks > 1)
        {
            var (inEnoughWeeks, least) = WhenHired(caregiver.Id, [.. inWeeks.Select(w => (Term)w), (weeks / delta) * (Term)minimum.Slack], weeks);
            mip.Add("cut", inEnoughWeeks, Sense.GreaterOrEqual, least, $"{caregiver.Id} works in {weeks} weeks");
        }
    }

    /// <summary>The most of these cells a caregiver can work: per date as one-shift-per-day allows, within a week's run of days and the hours allowed.</summary>
    private double ShiftsCap(Caregiver caregiver, List<Cell> cells, bool weekly)
    {
        var perDay = Hard("one-shift-per-day") is { } onePerDay ? Math.Floor(onePerDay.Limit) : double.MaxValue;
        var byDate = cells.GroupBy(c => c.Date).Select(d => Math.Min(perDay, d.Count())).OrderDescending().ToList();
        var dates = weekly && Hard("max-consecutive-days") is { } days ? Math.Min(byDate.Count, MaxConsecutiveDaysRule.MostDatesInAWeek(days)) : byDate.Count;
        var cap = byDate.Take(dates).Sum();
        var shortest = cells.Min(c => c.WorkingHours);
        var hours = HoursAllowed(caregiver, weekly ? 1 : Horizon.Weeks);
        return shortest > 0 && hours < double.MaxValue ? Math.Max(1, Math.Min(cap, Math.Floor((hours + Tolerance) / shortest))) : Math.Max(1, cap);
    }

    /// <summary>The most working hours any rota can give a caregiver in this many of the horizon's weeks: the weekly maximum and the contract's ceiling.</summary>
    private double HoursAllowed(Caregiver caregiver, int weeks)
    {
        var hours = Hard("max-weekly-hours") is { } weeklyHours ? weeklyHours.Limit * weeks : double.MaxValue;
        if (Hard("contract-hours") is { } contract)
        {
            hours = Math.Min(hours, ContractHoursRule.Target(caregiver, Context("contract-hours")) + ContractHoursRule.HorizonTolerance(contract, Horizon));
        }

        return hours;
    }

    /// <summary>
    /// Cuts: however the posts of a group (over the horizon, or in one week) are shared out, they need at least k
    /// caregivers, k being the fewest whose most hours there add up to the posts' hours. Each uncovered person-shift
    /// may lower that need, by at most α people: the rows hold for any rota.
    /// </summary>
    private void CoverCuts(string label, List<(Caregiver Caregiver, Variable Present, List<Cell> Cells)> people, List<(double Hours, Variable Shortfall)> posts, int weeks)
    {
        if (people.Count == 0 || posts.Count == 0)
        {
            return;
        }

        var capacities = people
            .Select(p => Math.Min(HoursAllowed(p.Caregiver, weeks), ShiftsCap(p.Caregiver, p.Cells, weekly: weeks == 1) * p.Cells.Max(c => c.WorkingHours)))
            .OrderDescending()
            .ToList();
        var prefix = new double[capacities.Count + 1];
        for (var i = 0; i < capacities.Count; i++)
        {
            prefix[i + 1] = prefix[i] + capacities[i];
        }

        int Need(double hours)
        {
            var k = 0;
            while (k < capacities.Count && prefix[k] < hours - Tolerance)
            {
                k++;
            }

            return k;
        }

        var demand = posts.Sum(p => p.Hours);
        var need = Need(demand);
        if (need <= 1)
        {
            return;
        }

        // The steepest fall of the need per uncovered person-shift (each the longest post): α, so that the row stays valid.
        var longest = posts.Max(p => p.Hours);
        var alpha = 0.0;
        for (var uncovered = 1; uncovered <= posts.Count && demand - ((uncovered - 1) * longest) > 0; uncovered++)
        {
            alpha = Math.Max(alpha, (need - Need(demand - (uncovered * longest))) / (double)uncovered);
        }

        mip.Add("cut", [.. people.Select(p => (Term)p.Present), .. posts.Select(p => alpha * (Term)p.Shortfall)], Sense.GreaterOrEqual, need, label);
    }

    /// <summary>A key person of each child in contact on every day the child is there; children sharing key persons, group and day share the term.</summary>
    private void KeyPersons()
    {
        foreach (var ((keyPersons, groupId, date), weight) in ChildDays())
        {
            var waking = WakingDay(date);
            var contact = NearbyCells(keyPersons, date)
                .Where(c => c.Demand.Covers(groupId) && ShiftCalendar.Overlap(c.Interval, waking))
                .ToList();
            Missed("link:key-person", contact, weights.KeyPersonMissing * weight);
        }
    }

    /// <summary>A key person on duty at each wake-up and bedtime of the child's group.</summary>
    private void KeyMoments()
    {
        foreach (var ((keyPersons, groupId, date), weight) in ChildDays())
        {
            var waking = WakingDay(date);
            foreach (var moment in new[] { waking.Start, waking.End })
            {
                var onDuty = NearbyCells(keyPersons, date)
                    .Where(c => c.Demand.Covers(groupId) && c.Interval.Contains(moment))
                    .ToList();
                Missed("link:key-moment", onDuty, weights.KeyMomentMissed * weight);
            }
        }
    }

    /// <summary>wishes: a wish to be free costs when a matching shift is worked; a wish to work costs when none is.</summary>
    private void Wishes()
    {
        if (!problem.Institution.LabourRules["wishes"].Enabled)
        {
            return;
        }

        foreach (var caregiver in Caregivers)
        {
            foreach (var wish in caregiver.Wishes)
            {
                foreach (var date in Horizon.Dates.Where(wish.AppliesOn))
                {
                    var matching = On(caregiver.Id, date).Where(c => wish.ShiftType is null || c.Type.Code == wish.ShiftType).ToList();
                    var price = weights.Wish * wish.Weight;
                    if (!wish.Wanted)
                    {
                        foreach (var cell in matching)
                        {
                            mip.AddCost(cell.Variable, price);
                        }
                    }
                    else
                    {
                        Missed("link:wishes", matching, price);
                    }
                }
            }
        }
    }

    /// <summary>Working time near the contract's target, for permanent staff.</summary>
    private void ContractCloseness()
    {
        var context = Context("contract-hours");
        foreach (var caregiver in Caregivers.Where(c => !c.Contract.IsOnCall))
        {
            var target = ContractHoursRule.Target(caregiver, context);
            var cells = Horizon.Dates.SelectMany(d => On(caregiver.Id, d)).ToList();
            var most = Math.Max(target, cells.Sum(c => c.WorkingHours));
            // On the minute grid whenever the target and every shift's hours are whole minutes: then no rounding at all.
            var onGrid = cells.Select(c => c.WorkingHours).Append(target).All(h => Math.Abs((h * 60) - Math.Round(h * 60)) < 1e-9);
            // A candidate not hired has no target: its deviation is measured from target × hired.
            var deviation = Auxiliary(mip.AddContinuous(0, most, weights.ContractDeviationHour, HourStep, onGrid), v => Math.Abs(cells.Sum(c => c.WorkingHours * v[c.Variable.Index]) - (target * HiredValue(v, caregiver.Id))));
            var hours = cells.Select(c => new Term(c.WorkingHours, c.Variable)).ToList();
            var (below, belowTarget) = WhenHired(caregiver.Id, [.. hours, -1 * (Term)deviation], target);
            mip.Add("link:contract-closeness", below, Sense.LessOrEqual, belowTarget);
            var (above, aboveTarget) = WhenHired(caregiver.Id, [.. hours, deviation], target);
            mip.Add("link:contract-closeness", above, Sense.GreaterOrEqual, aboveTarget);
        }
    }

    /// <summary>Weekends and nights spread over staff: each beyond a fair share costs.</summary>
    private void FairSpread()
    {
        var weekendShare = Horizon.Weeks / 2.0;
        var nightShare = Horizon.Weeks * 7 / 4.0;
        foreach (var caregiver in Caregivers)
        {
            var weekends = Horizon.WeekStarts.Select(m => WeekendWorked(caregiver.Id, m.PlusDays(5))).OfType<Variable>().ToList();
            if (weekends.Count > weekendShare)
            {
                var extra = Auxiliary(mip.AddContinuous(0, weekends.Count, weights.ExtraWeekend, ShareStep, onGrid: true), v => Math.Max(0, weekends.Sum(w => v[w.Index]) - weekendShare));
                mip.Add("link:fair-weekends", [.. weekends.Select(w => (Term)w), -1 * (Term)extra], Sense.LessOrEqual, weekendShare);
            }

            var nights = Horizon.Dates.SelectMany(d => On(caregiver.Id, d)).Where(c => c.Type.IsNight).ToList();
            if (nights.Select(n => n.Date).Distinct().Count() > nightShare)
            {
                var extra = Auxiliary(mip.AddContinuous(0, nights.Count, weights.ExtraNight, ShareStep, onGrid: true), v => Math.Max(0, Sum(v, nights) - nightShare));
                mip.Add("link:fair-nights", [.. Terms(nights), -1 * (Term)extra], Sense.LessOrEqual, nightShare);
            }
        }
    }

    /// <summary>The grid of hours away from a contract in an integer engine: a minute.</summary>
    private const double HourStep = 1.0 / 60;

    /// <summary>The grid of weekends and nights beyond a fair share: a half or a quarter of the horizon's weeks and days, so whole counts less the share lie on it.</summary>
    private const double ShareStep = 0.25;

    /// <summary>A priced miss: 1 when none of the cells is worked.</summary>
    private void Missed(string term, List<Cell> cells, double price)
    {
        var missed = Auxiliary(mip.AddBinary(price), v => Sum(v, cells) > 0.5 ? 0 : 1);
        mip.Add(term, [.. Terms(cells), missed], Sense.GreaterOrEqual, 1);
    }

    /// <summary>Each (key persons, group, date) a child with named key persons is present on, with the children's summed weight.</summary>
    private Dictionary<(KeySet KeyPersons, string GroupId, LocalDate Date), double> ChildDays()
    {
        var days = new Dictionary<(KeySet, string, LocalDate), double>();
        foreach (var child in problem.Children.Where(c => c.KeyPersons.Count > 0))
        {
            var weight = child.IsUnderThreeOn(Horizon.Start) ? 2 : 1;
            var keys = new KeySet(child.KeyPersons);
            foreach (var date in Horizon.Dates)
            {
                if (child.GroupOn(date) is { } groupId)
                {
                    days[(keys, groupId, date)] = days.GetValueOrDefault((keys, groupId, date)) + weight;
                }
            }
        }

        return days;
    }

    /// <summary>The mean weight of the children who live in a group during the horizon (under-threes 2, others 1); 1 when none.</summary>
    private double GroupWeight(string groupId)
    {
        var children = problem.Children.Where(c => Horizon.Dates.Any(d => c.GroupOn(d) == groupId)).ToList();
        return children.Count == 0 ? 1 : children.Average(c => c.IsUnderThreeOn(Horizon.Start) ? 2.0 : 1.0);
    }

    private Interval WakingDay(LocalDate date) => problem.Institution.KeyMoments.WakingDayOn(date, calendar.Zone);

    private IEnumerable<Cell> NearbyCells(KeySet caregivers, LocalDate date) =>
        caregivers.Ids.SelectMany(id => Enumerable.Range(-Reach, Reach + 1).SelectMany(d => On(id, date.PlusDays(d))));

    /// <summary>A set of caregiver ids with value equality, to share terms between children with the same key persons.</summary>
    private sealed record KeySet(IReadOnlyList<string> Ids)
    {
        public bool Equals(KeySet? other) => other is not null && Ids.Order(StringComparer.Ordinal).SequenceEqual(other.Ids.Order(StringComparer.Ordinal));

        public override int GetHashCode() => Ids.Order(StringComparer.Ordinal).Aggregate(0, (h, id) => HashCode.Combine(h, id));
    }
}
