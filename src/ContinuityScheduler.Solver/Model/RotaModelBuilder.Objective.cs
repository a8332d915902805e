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
            }
            else
            {
                mip.AddCost(column, reference.AddCost(problem.DemandsById[key.DemandId], key.CaregiverId, weights));
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
        foreach (var caregiver in Caregivers)
        {
            var cells = Horizon.Dates.SelectMany(d => On(caregiver.Id, d)).ToList();
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

                    var inWeek = Auxiliary(mip.AddContinuous(0, 1, weights.CaregiverInGroupWeek * weight), v => days.Max(day => Sum(v, day)));
                    foreach (var day in days)
                    {
                        mip.Add("continuity", [.. Terms(day), -1 * (Term)inWeek], Sense.LessOrEqual, 0);
                    }

                    // The same link in bulk: it is what lifts the LP bound, since a fractional rota cannot spread a week thinly over many people.
                    var week = days.SelectMany(d => d).ToList();
                    mip.Add("continuity", [.. Terms(week), -ShiftsCap(caregiver, week, weekly: true) * (Term)inWeek], Sense.LessOrEqual, 0);

                    weeks.Add(inWeek);
                }

                var inGroup = Auxiliary(mip.AddBinary((weights.CaregiverInGroup * weight) + newcomer), v => weeks.Max(w => v[w.Index]));
                foreach (var week in weeks)
                {
                    mip.Add("continuity", [week, -1 * (Term)inGroup], Sense.LessOrEqual, 0);
                }

                var all = cells.Where(c => c.Demand.Covers(groupId)).ToList();
                mip.Add("continuity", [.. Terms(all), -ShiftsCap(caregiver, all, weekly: false) * (Term)inGroup], Sense.LessOrEqual, 0);
            }
        }
    }

    /// <summary>The most of these cells a caregiver can work: one a day, within the week's run of days and the hours allowed.</summary>
    private double ShiftsCap(Caregiver caregiver, List<Cell> cells, bool weekly)
    {
        var cap = (double)cells.Select(c => c.Date).Distinct().Count();
        if (weekly && Hard("max-consecutive-days") is { } days)
        {
            cap = Math.Min(cap, Math.Min(7, Math.Floor(days.Limit)));
        }

        var hours = weekly && Hard("max-weekly-hours") is { } weeklyHours ? weeklyHours.Limit : double.MaxValue;
        if (Hard("contract-hours") is { } contract)
        {
            hours = Math.Min(hours, ContractHoursRule.Target(caregiver, Context("contract-hours")) + ContractHoursRule.HorizonTolerance(contract, Horizon));
        }

        var shortest = cells.Min(c => c.WorkingHours);
        return shortest > 0 && hours < double.MaxValue ? Math.Max(1, Math.Min(cap, Math.Floor((hours + 1e-6) / shortest))) : Math.Max(1, cap);
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
            Missed("key-person", contact, weights.KeyPersonMissing * weight);
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
                Missed("key-moment", onDuty, weights.KeyMomentMissed * weight);
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
                        Missed("wishes", matching, price);
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
            var deviation = Auxiliary(mip.AddContinuous(0, double.MaxValue, weights.ContractDeviationHour), v => Math.Abs(cells.Sum(c => c.WorkingHours * v[c.Variable.Index]) - target));
            var hours = cells.Select(c => new Term(c.WorkingHours, c.Variable)).ToList();
            mip.Add("contract-closeness", [.. hours, -1 * (Term)deviation], Sense.LessOrEqual, target);
            mip.Add("contract-closeness", [.. hours, deviation], Sense.GreaterOrEqual, target);
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
                var extra = Auxiliary(mip.AddContinuous(0, weekends.Count, weights.ExtraWeekend), v => Math.Max(0, weekends.Sum(w => v[w.Index]) - weekendShare));
                mip.Add("fair-weekends", [.. weekends.Select(w => (Term)w), -1 * (Term)extra], Sense.LessOrEqual, weekendShare);
            }

            var nights = Horizon.Dates.SelectMany(d => On(caregiver.Id, d)).Where(c => c.Type.IsNight).ToList();
            if (nights.Select(n => n.Date).Distinct().Count() > nightShare)
            {
                var extra = Auxiliary(mip.AddContinuous(0, nights.Count, weights.ExtraNight), v => Math.Max(0, Sum(v, nights) - nightShare));
                mip.Add("fair-nights", [.. Terms(nights), -1 * (Term)extra], Sense.LessOrEqual, nightShare);
            }
        }
    }

    /// <summary>A priced miss: 1 when none of the cells is worked.</summary>
    private void Missed(string term, List<Cell> cells, double price)
    {
        var missed = Auxiliary(mip.AddContinuous(0, 1, price), v => Sum(v, cells) > 0.5 ? 0 : 1);
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

    private Interval WakingDay(LocalDate date)
    {
        var moments = problem.Institution.KeyMoments;
        return new Interval(
            (date + moments.WakeUp).InZoneLeniently(calendar.Zone).ToInstant(),
            (date + moments.Bedtime).InZoneLeniently(calendar.Zone).ToInstant());
    }

    private IEnumerable<Cell> NearbyCells(KeySet caregivers, LocalDate date) =>
        caregivers.Ids.SelectMany(id => Enumerable.Range(-Reach, Reach + 1).SelectMany(d => On(id, date.PlusDays(d))));

    /// <summary>A set of caregiver ids with value equality, to share terms between children with the same key persons.</summary>
    private sealed record KeySet(IReadOnlyList<string> Ids)
    {
        public bool Equals(KeySet? other) => other is not null && Ids.Order(StringComparer.Ordinal).SequenceEqual(other.Ids.Order(StringComparer.Ordinal));

        public override int GetHashCode() => Ids.Order(StringComparer.Ordinal).Aggregate(0, (h, id) => HashCode.Combine(h, id));
    }
}
