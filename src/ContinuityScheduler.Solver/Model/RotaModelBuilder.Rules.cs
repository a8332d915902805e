using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Solver.Engine;
using NodaTime;

namespace ContinuityScheduler.Solver.Model;

/// <summary>The rows of the hard rules, one method per rule, named as in the rule set.</summary>
public sealed partial class RotaModelBuilder
{
    /// <summary>Days after a shift's date that another shift can still clash with it: the longest shift plus a day of rest.</summary>
    private int Reach => problem.ShiftTypes.Max(t => t.EndDayOffset) + 2;

    private void AddRules()
    {
        Coverage();
        OneShiftPerDay();
        NoOverlapAndMinRest();
        WeeklyRest();
        MaxWeeklyHours();
        AverageWeeklyHours();
        MaxConsecutiveDays();
        MaxConsecutiveNights();
        MaxNights();
        ContractHours();
        FreeWeekends();
        ReliefShare();
    }

    /// <summary>coverage: exactly the count on every post and date; a shortfall is a priced slack, never an infeasible model.</summary>
    private void Coverage()
    {
        var cellsByPost = byDay.Values.SelectMany(c => c).ToLookup(c => (c.Demand.Id, c.Date));
        foreach (var date in Horizon.Dates)
        {
            foreach (var demand in problem.Demands.Where(d => d.AppliesOn(date)))
            {
                var cells = cellsByPost[(demand.Id, date)].ToList();
                var shortfall = Auxiliary(mip.AddContinuous(0, demand.Count, weights.Shortfall), v => Math.Max(0, demand.Count - Sum(v, cells)));
                mip.Add("coverage", [.. Terms(cells), shortfall], Sense.Equal, demand.Count);
            }
        }
    }

    /// <summary>one-shift-per-day.</summary>
    private void OneShiftPerDay()
    {
        if (Hard("one-shift-per-day") is not { } settings)
        {
            return;
        }

        foreach (var cells in byDay.Values.Where(c => c.Count > settings.Limit))
        {
            mip.Add("one-shift-per-day", Terms(cells), Sense.LessOrEqual, settings.Limit);
        }
    }

    /// <summary>no-overlap and min-rest (and the compensatory rest after a live-in): two clashing shifts are never both worked.</summary>
    private void NoOverlapAndMinRest()
    {
        var onePerDay = Hard("one-shift-per-day") is { Limit: <= 1 };
        foreach (var caregiver in Caregivers)
        {
            foreach (var date in Horizon.Dates)
            {
                foreach (var first in On(caregiver.Id, date))
                {
                    for (var later = 0; later <= Reach; later++)
                    {
                        var clashing = On(caregiver.Id, date.PlusDays(later))
                            .Where(second => second != first && (later > 0 || second.Variable.Index > first.Variable.Index))
                            .Where(second => Conflict(first.Interval, first.Type, second.Interval, second.Type))
                            .ToList();
                        if (clashing.Count == 0)
                        {
                            continue;
                        }

                        // Shifts of one later date exclude each other already, so one row covers them all.
                        if (onePerDay && later > 0)
                        {
                            mip.Add("min-rest", [first.Variable, .. Terms(clashing)], Sense.LessOrEqual, 1);
                        }
                        else
                        {
                            foreach (var second in clashing)
                            {
                                mip.Add("min-rest", [first.Variable, second.Variable], Sense.LessOrEqual, 1);
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// weekly-rest: each week has a free day (an indicator per day) with no shift under way on it, and no pair of
    /// shifts around it closer than the limit. Exact for limits up to 48 h: a rest that spans two free days is long enough.
    /// </summary>
    private void WeeklyRest()
    {
        if (Hard("weekly-rest") is not { } settings)
        {
            return;
        }

        var horizonEnd = calendar.StartOf(Horizon.End.PlusDays(1));
        foreach (var caregiver in Caregivers)
        {
            var past = history[caregiver.Id].Shifts;
            foreach (var monday in Horizon.WeekStarts)
            {
                var freeDays = new List<Variable>();
                for (var i = 0; i < 7; i++)
                {
                    var day = calendar.DayOf(monday.PlusDays(i));
                    if (past.Any(p => ShiftCalendar.Overlap(p.Interval, day)))
                    {
                        continue;
                    }

                    var rows = new List<(List<Term> Others, double Limit)>();
                    var nearby = Enumerable.Range(-Reach, Reach + 2).SelectMany(d => On(caregiver.Id, monday.PlusDays(i + d))).ToList();
                    foreach (var byDate in nearby.Where(c => ShiftCalendar.Overlap(c.Interval, day)).GroupBy(c => c.Date))
                    {
                        rows.Add(([.. Terms(byDate)], 0));
                    }

                    var before = day.Start - Duration.FromHours(24);
                    var next = nearby.Where(c => c.Interval.Start >= day.End && c.Interval.Start < day.End + Duration.FromHours(24) && c.Interval.Start < horizonEnd).ToList();
                    var previous = nearby.Where(c => c.Interval.End <= day.Start && c.Interval.End > before)
                        .Select(c => (End: c.Interval.End, Terms: new List<Term> { c.Variable }))
                        .Concat(past.Where(p => p.Interval.End <= day.Start && p.Interval.End > before).Select(p => (End: p.Interval.End, Terms: new List<Term>())));
                    foreach (var (end, terms) in previous)
                    {
                        if ((horizonEnd - end).TotalHours < settings.Limit)
                        {
                            rows.Add((terms, 0));
                            continue;
                        }

                        var tooSoon = next.Where(n => (n.Interval.Start - end).TotalHours < settings.Limit).ToList();
                        if (tooSoon.Count > 0)
                        {
                            rows.Add(([.. terms, .. Terms(tooSoon)], terms.Count));
                        }
                    }

                    if (rows.Any(r => r.Others.Count == 0 && r.Limit == 0))
                    {
                        continue;
                    }

                    var free = Auxiliary(mip.AddBinary(), v => rows.All(r => r.Others.Sum(t => v[t.Variable.Index]) <= r.Limit + 1e-9) ? 1 : 0);
                    foreach (var (others, limit) in rows)
                    {
                        mip.Add("weekly-rest", [free, .. others], Sense.LessOrEqual, limit + 1);
                    }

                    freeDays.Add(free);
                }

                mip.Add("weekly-rest", freeDays.Select(f => (Term)f), Sense.GreaterOrEqual, 1, $"{caregiver.Id}, week of {monday:uuuu-MM-dd}");
            }
        }
    }

    /// <summary>max-weekly-hours.</summary>
    private void MaxWeeklyHours()
    {
        if (Hard("max-weekly-hours") is not { } settings)
        {
            return;
        }

        foreach (var caregiver in Caregivers)
        {
            foreach (var monday in Horizon.WeekStarts)
            {
                var cells = Week(caregiver.Id, monday).ToList();
                if (cells.Sum(c => c.WorkingHours) > settings.Limit)
                {
                    mip.Add("max-weekly-hours", cells.Select(c => new Term(c.WorkingHours, c.Variable)), Sense.LessOrEqual, settings.Limit, $"{caregiver.Id}, week of {monday:uuuu-MM-dd}");
                }
            }
        }
    }

    /// <summary>average-weekly-hours: weeks before the horizon are constants from history, reports or the contract.</summary>
    private void AverageWeeklyHours()
    {
        if (Hard("average-weekly-hours") is not { } settings)
        {
            return;
        }

        var context = Context("average-weekly-hours");
        foreach (var caregiver in Caregivers)
        {
            foreach (var lastWeek in Horizon.WeekStarts)
            {
                var mondays = Enumerable.Range(0, settings.Weeks).Select(w => lastWeek.PlusWeeks(-w)).ToList();
                var known = mondays.Where(m => m < Horizon.Start).Sum(m => AverageWeeklyHoursRule.HoursIn(history[caregiver.Id], context, m));
                var cells = mondays.Where(m => m >= Horizon.Start).SelectMany(m => Week(caregiver.Id, m)).ToList();
                var room = (settings.Limit * settings.Weeks) - known;
                if (cells.Sum(c => c.WorkingHours) > room)
                {
                    mip.Add("average-weekly-hours", cells.Select(c => new Term(c.WorkingHours, c.Variable)), Sense.LessOrEqual, Math.Max(0, room), $"{caregiver.Id}, {settings.Weeks} weeks to {lastWeek.PlusDays(6):uuuu-MM-dd}");
                }
            }
        }
    }

    /// <summary>max-consecutive-days: every run of limit + 1 dates touching the horizon has a free date, history included.</summary>
    private void MaxConsecutiveDays()
    {
        if (Hard("max-consecutive-days") is { } settings)
        {
            Consecutive("max-consecutive-days", settings, _ => true);
        }
    }

    /// <summary>max-consecutive-nights.</summary>
    private void MaxConsecutiveNights()
    {
        if (Hard("max-consecutive-nights") is { } settings)
        {
            Consecutive("max-consecutive-nights", settings, type => type.IsNight);
        }
    }

    private void Consecutive(string rule, RuleSettings settings, Func<ShiftType, bool> counts)
    {
        var limit = (int)Math.Floor(settings.Limit);
        foreach (var caregiver in Caregivers)
        {
            var pastDates = history[caregiver.Id].Shifts.Where(s => counts(s.ShiftType)).Select(s => s.Date).ToHashSet();
            for (var first = Horizon.Start.PlusDays(-limit); first.PlusDays(limit) <= Horizon.End; first = first.PlusDays(1))
            {
                var dates = Enumerable.Range(0, limit + 1).Select(first.PlusDays).ToList();
                var worked = dates.Count(pastDates.Contains);
                var cells = dates.Where(Horizon.Contains).SelectMany(d => On(caregiver.Id, d)).Where(c => counts(c.Type)).ToList();
                if (cells.Select(c => c.Date).Distinct().Count() + worked > limit)
                {
                    mip.Add(rule, Terms(cells), Sense.LessOrEqual, Math.Max(0, limit - worked), $"{caregiver.Id}, {first:uuuu-MM-dd} to {dates[^1]:uuuu-MM-dd}");
                }
            }
        }
    }

    /// <summary>max-nights: nights in any window of the period ending on a horizon date, history nights included.</summary>
    private void MaxNights()
    {
        if (Hard("max-nights") is not { } settings)
        {
            return;
        }

        var days = settings.Weeks * 7;
        foreach (var caregiver in Caregivers)
        {
            var pastNights = history[caregiver.Id].Shifts.Where(s => s.ShiftType.IsNight).Select(s => s.Date).ToList();
            foreach (var last in Horizon.Dates)
            {
                var first = last.PlusDays(1 - days);
                var worked = pastNights.Count(d => d >= first && d <= last);
                var cells = Enumerable.Range(0, days).Select(first.PlusDays).Where(Horizon.Contains)
                    .SelectMany(d => On(caregiver.Id, d)).Where(c => c.Type.IsNight).ToList();
                if (cells.Select(c => c.Date).Distinct().Count() + worked > settings.Limit)
                {
                    mip.Add("max-nights", Terms(cells), Sense.LessOrEqual, Math.Max(0, settings.Limit - worked), $"{caregiver.Id}, {first:uuuu-MM-dd} to {last:uuuu-MM-dd}");
                }
            }
        }
    }

    /// <summary>contract-hours: between target − tolerance and target + tolerance; relief and agency staff only below the ceiling.</summary>
    private void ContractHours()
    {
        if (Hard("contract-hours") is not { } settings)
        {
            return;
        }

        var context = Context("contract-hours");
        var tolerance = ContractHoursRule.HorizonTolerance(settings, Horizon);
        foreach (var caregiver in Caregivers)
        {
            var target = ContractHoursRule.Target(caregiver, context);
            var cells = Horizon.Dates.SelectMany(d => On(caregiver.Id, d)).ToList();
            var hours = cells.Select(c => new Term(c.WorkingHours, c.Variable)).ToList();
            mip.Add("contract-hours", hours, Sense.LessOrEqual, target + tolerance, $"{caregiver.Id}, at most {target + tolerance:0.#} h");
            if (!caregiver.Contract.IsOnCall && target - tolerance > 0)
            {
                mip.Add("contract-hours", hours, Sense.GreaterOrEqual, target - tolerance, $"{caregiver.Id}, at least {target - tolerance:0.#} h");
            }
        }
    }

    /// <summary>free-weekends: in each run of the period's weekends ending in the horizon, enough weekends without work.</summary>
    private void FreeWeekends()
    {
        if (Hard("free-weekends") is not { } settings)
        {
            return;
        }

        var context = Context("free-weekends");
        var needed = (int)Math.Ceiling(settings.Limit);
        foreach (var caregiver in Caregivers)
        {
            foreach (var lastSaturday in Horizon.WeekStarts.Select(m => m.PlusDays(5)))
            {
                var saturdays = Enumerable.Range(0, settings.Weeks).Select(w => lastSaturday.PlusWeeks(-w)).ToList();
                var freeBefore = saturdays.Count(s => s < Horizon.Start && FreeWeekendsRule.IsFree(history[caregiver.Id], context, s));
                var inHorizon = saturdays.Where(s => s >= Horizon.Start).ToList();
                var worked = inHorizon.Select(s => WeekendWorked(caregiver.Id, s)).OfType<Variable>().ToList();
                var allowed = inHorizon.Count - Math.Max(0, needed - freeBefore);
                if (worked.Count > allowed)
                {
                    mip.Add("free-weekends", worked.Select(w => (Term)w), Sense.LessOrEqual, Math.Max(0, allowed), $"{caregiver.Id}, {settings.Weeks} weekends to {lastSaturday:uuuu-MM-dd}");
                }
            }
        }
    }

    /// <summary>relief-share: on each shift type, date and group, relief and agency staff at most the share of all caregivers there.</summary>
    private void ReliefShare()
    {
        if (Hard("relief-share") is not { } settings)
        {
            return;
        }

        var onCall = Caregivers.Where(c => c.Contract.IsOnCall).Select(c => c.Id).ToHashSet();
        var shifts = from cells in byDay.Values
                     from cell in cells
                     from groupId in cell.Demand.GroupIds
                     group cell by (cell.Date, cell.Type.Code, groupId);
        foreach (var shift in shifts.Where(s => s.Any(c => onCall.Contains(c.CaregiverId))))
        {
            var terms = shift.Select(c => new Term((onCall.Contains(c.CaregiverId) ? 1 : 0) - settings.Limit, c.Variable));
            mip.Add("relief-share", terms, Sense.LessOrEqual, 0, $"{shift.Key.Code} in {shift.Key.groupId} on {shift.Key.Date:uuuu-MM-dd}");
        }
    }

    private IEnumerable<Cell> Week(string caregiverId, LocalDate monday) =>
        Enumerable.Range(0, 7).SelectMany(d => On(caregiverId, monday.PlusDays(d)));

    private readonly Dictionary<(string, LocalDate), Variable?> weekendsWorked = [];

    /// <summary>An indicator that the caregiver works at some instant of the weekend starting on a Saturday; null when they cannot.</summary>
    private Variable? WeekendWorked(string caregiverId, LocalDate saturday)
    {
        if (weekendsWorked.TryGetValue((caregiverId, saturday), out var known))
        {
            return known;
        }

        var weekend = new Interval(calendar.StartOf(saturday), calendar.StartOf(saturday.PlusDays(2)));
        var byDate = Enumerable.Range(-Reach, Reach + 2)
            .SelectMany(d => On(caregiverId, saturday.PlusDays(d)))
            .Where(c => ShiftCalendar.Overlap(c.Interval, weekend))
            .GroupBy(c => c.Date)
            .Select(g => g.ToList())
            .ToList();
        Variable? worked = null;
        if (byDate.Count > 0)
        {
            worked = Auxiliary(mip.AddContinuous(0, 1), v => byDate.Max(cells => Sum(v, cells)));
            foreach (var cells in byDate)
            {
                mip.Add("free-weekends", [.. Terms(cells), -1 * (Term)worked.Value], Sense.LessOrEqual, 0);
            }
        }

        weekendsWorked[(caregiverId, saturday)] = worked;
        return worked;
    }
}
