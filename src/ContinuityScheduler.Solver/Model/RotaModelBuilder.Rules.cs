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

    /// <summary>coverage: exactly the count on every post and date; a shortfall is priced and minimised before the objective, never an infeasible model.</summary>
    private void Coverage()
    {
        var cellsByPost = byDay.Values.SelectMany(c => c).ToLookup(c => (c.Demand.Id, c.Date));
        foreach (var date in Horizon.Dates)
        {
            foreach (var demand in problem.Demands.Where(d => d.AppliesOn(date)))
            {
                var cells = cellsByPost[(demand.Id, date)].ToList();
                var shortfall = Auxiliary(mip.AddInteger(0, demand.Count, weights.Shortfall), v => Math.Max(0, demand.Count - Sum(v, cells)));
                mip.Add("coverage", [.. Terms(cells), shortfall], Sense.Equal, demand.Count, $"{demand.Id} on {date:uuuu-MM-dd}");
                uncovered.Add(shortfall);
                var type = problem.ShiftTypeOf(demand);
                shortfalls[(demand.Id, date)] = (demand.Count * calendar.Of(date, type).Duration.TotalHours * type.WorkingTimeFactor, shortfall);
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
            mip.Add("one-shift-per-day", Terms(cells), Sense.LessOrEqual, settings.Limit, $"{cells[0].CaregiverId} on {cells[0].Date:uuuu-MM-dd}");
        }
    }

    /// <summary>
    /// no-overlap and min-rest (and the compensatory rest after a live-in): two clashing shifts are never both worked.
    /// With one shift a day, a caregiver's shifts of one date and type (same times) and the later date's shifts that
    /// clash with them by one rule form a clique: one row each. Otherwise one row per clashing pair.
    /// </summary>
    private void NoOverlapAndMinRest()
    {
        var onePerDay = Hard("one-shift-per-day") is { Limit: < 2 };
        foreach (var caregiver in Caregivers)
        {
            foreach (var date in Horizon.Dates)
            {
                var label = $"{caregiver.Id} on {date:uuuu-MM-dd}";
                foreach (var sameTimes in On(caregiver.Id, date).GroupBy(c => c.Type.Code))
                {
                    var first = sameTimes.First();
                    for (var later = onePerDay ? 1 : 0; later <= Reach; later++)
                    {
                        var clashing = On(caregiver.Id, date.PlusDays(later))
                            .Select(second => (Cell: second, Rule: Conflict(first.Interval, first.Type, second.Interval, second.Type)))
                            .Where(c => c.Rule is not null)
                            .ToList();
                        foreach (var byRule in clashing.GroupBy(c => c.Rule!))
                        {
                            if (onePerDay)
                            {
                                mip.Add(byRule.Key, [.. Terms(sameTimes), .. byRule.Select(c => (Term)c.Cell.Variable)], Sense.LessOrEqual, 1, label);
                                continue;
                            }

                            foreach (var one in sameTimes)
                            {
                                foreach (var (second, _) in byRule.Where(c => later > 0 || c.Cell.Variable.Index > one.Variable.Index))
                                {
                                    mip.Add(byRule.Key, [one.Variable, second.Variable], Sense.LessOrEqual, 1, label);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// weekly-rest, exactly as the rule reads: a week keeps it when some rest of at least the limit L, with at least
    /// L − min-rest of it inside the week, is free of work. Such a rest exists exactly when one window of length L
    /// starting at a week's start less min-rest or at the end of some shift is free, with its start between the week's
    /// start less min-rest and its end less L plus min-rest. One indicator per such window (windows with the same or
    /// more shifts in them than another dropped), each excluding the shifts under way in it; at least one a week.
    /// </summary>
    private void WeeklyRest()
    {
        if (Hard("weekly-rest") is not { } settings)
        {
            return;
        }

        var length = Duration.FromHours(settings.Limit);
        var minRest = Duration.FromHours(problem.Institution.LabourRules["min-rest"].Limit);
        var onePerDay = Hard("one-shift-per-day") is { Limit: < 2 };
        // Dates whose shifts can reach into the windows of a week, which run from min-rest before it to min-rest after it.
        var margin = (int)Math.Ceiling(minRest.TotalHours / 24);
        var (back, forward) = (Reach + margin, 7 + margin);
        foreach (var caregiver in Caregivers)
        {
            var past = history[caregiver.Id].Shifts;
            foreach (var monday in Horizon.WeekStarts)
            {
                var (first, last) = (calendar.StartOf(monday) - minRest, calendar.StartOf(monday.PlusDays(7)) - length + minRest);
                var nearby = Enumerable.Range(-back, back + forward + 1).SelectMany(d => On(caregiver.Id, monday.PlusDays(d))).ToList();
                var starts = nearby.Select(c => c.Interval.End).Concat(past.Select(p => p.Interval.End))
                    .Where(t => t >= first && t <= last)
                    .Append(first)
                    .Distinct();
                var windows = new List<List<Cell>>();
                foreach (var start in starts)
                {
                    var window = new Interval(start, start + length);
                    if (past.Any(p => ShiftCalendar.Overlap(p.Interval, window)))
                    {
                        continue;
                    }

                    windows.Add([.. nearby.Where(c => ShiftCalendar.Overlap(c.Interval, window))]);
                }

                if (windows.Any(w => w.Count == 0))
                {
                    continue;
                }

                if (windows.Count == 0)
                {
                    // History's shifts leave the week no window at all, whatever the rota does.
                    Unavoidable("weekly-rest");
                    continue;
                }

                // A window whose shifts include another window's is free only when that one is: it adds nothing.
                var kept = new List<List<Cell>>();
                foreach (var window in windows.OrderBy(w => w.Count))
                {
                    var cells = window.Select(c => c.Variable.Index).ToHashSet();
                    if (!kept.Any(k => k.All(c => cells.Contains(c.Variable.Index))))
                    {
                        kept.Add(window);
                    }
                }

                var label = $"{caregiver.Id}, week of {monday:uuuu-MM-dd}";
                var free = new List<Term>();
                foreach (var window in kept)
                {
                    var rest = Auxiliary(mip.AddBinary(), v => Sum(v, window) > 0.5 ? 0 : 1);
                    foreach (var byDate in window.GroupBy(c => c.Date))
                    {
                        if (onePerDay)
                        {
                            mip.Add("link:weekly-rest-window", [rest, .. Terms(byDate)], Sense.LessOrEqual, 1, label);
                        }
                        else
                        {
                            foreach (var cell in byDate)
                            {
                                mip.Add("link:weekly-rest-window", [rest, cell.Variable], Sense.LessOrEqual, 1, label);
                            }
                        }
                    }

                    free.Add(rest);
                }

                mip.Add("weekly-rest", free, Sense.GreaterOrEqual, 1, label);
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
                if (room < -Tolerance)
                {
                    Unavoidable("average-weekly-hours");
                }

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
                var days = dates.Where(Horizon.Contains).Select(d => On(caregiver.Id, d).Where(c => counts(c.Type)).ToList()).Where(d => d.Count > 0).ToList();
                if (days.Count + worked > limit)
                {
                    mip.Add(rule, days.SelectMany(DayWorked), Sense.LessOrEqual, Math.Max(0, limit - worked), $"{caregiver.Id}, {first:uuuu-MM-dd} to {dates[^1]:uuuu-MM-dd}");
                }
            }
        }
    }

    /// <summary>
    /// Any of one date's shifts worked sets the indicator: one row for the date when one shift a day is a hard rule
    /// (the stronger form), else one row a shift.
    /// </summary>
    private void Implies(string term, List<Cell> cells, Variable indicator)
    {
        if (Hard("one-shift-per-day") is { Limit: < 2 })
        {
            mip.Add(term, [.. Terms(cells), -1 * (Term)indicator], Sense.LessOrEqual, 0);
            return;
        }

        foreach (var cell in cells)
        {
            mip.Add(term, [cell.Variable, -1 * (Term)indicator], Sense.LessOrEqual, 0);
        }
    }

    /// <summary>
    /// "Works that day" among some shifts of one caregiver and date: their sum when one shift a day is a hard rule, else
    /// an indicator linked to each of them (a day with two shifts is still one day).
    /// </summary>
    private IEnumerable<Term> DayWorked(List<Cell> cells)
    {
        if (Hard("one-shift-per-day") is { Limit: < 2 } || cells.Count == 1)
        {
            return Terms(cells);
        }

        var worked = Auxiliary(mip.AddBinary(), v => Sum(v, cells) > 0.5 ? 1 : 0);
        foreach (var cell in cells)
        {
            mip.Add("link:day-worked", [cell.Variable, -1 * (Term)worked], Sense.LessOrEqual, 0);
        }

        mip.Add("link:day-worked", [.. Terms(cells), -1 * (Term)worked], Sense.GreaterOrEqual, 0);
        return [worked];
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
                if (worked > settings.Limit)
                {
                    Unavoidable("max-nights");
                }

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
            if (cells.Sum(c => c.WorkingHours) > target + tolerance)
            {
                mip.Add("contract-hours", hours, Sense.LessOrEqual, target + tolerance, $"{caregiver.Id}, at most {target + tolerance:0.##} h");
            }

            if (!caregiver.Contract.IsOnCall && target - tolerance > Tolerance)
            {
                var (terms, least) = WhenHired(caregiver.Id, hours, target - tolerance);
                var slack = Minimum("contract-hours", terms, least, $"{caregiver.Id}, at least {target - tolerance:0.##} h");
                contractSlacks[caregiver.Id] = (target - tolerance, slack);
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
                if (allowed < 0)
                {
                    Unavoidable("free-weekends");
                }

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
        if (history[caregiverId].WorksDuring(weekend))
        {
            // A shift from history (a long live-in) already runs into the weekend: worked, whatever the rota.
            var always = Auxiliary(mip.AddInteger(1, 1), _ => 1);
            weekendsWorked[(caregiverId, saturday)] = always;
            return always;
        }

        var byDate = Enumerable.Range(-Reach, Reach + 2)
            .SelectMany(d => On(caregiverId, saturday.PlusDays(d)))
            .Where(c => ShiftCalendar.Overlap(c.Interval, weekend))
            .GroupBy(c => c.Date)
            .Select(g => g.ToList())
            .ToList();
        Variable? worked = null;
        if (byDate.Count > 0)
        {
            worked = Auxiliary(mip.AddBinary(), v => byDate.Max(cells => Sum(v, cells)) > 0.5 ? 1 : 0);
            foreach (var cells in byDate)
            {
                Implies("link:weekend-worked", cells, worked.Value);
            }
        }

        weekendsWorked[(caregiverId, saturday)] = worked;
        return worked;
    }
}
