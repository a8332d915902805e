namespace ContinuityScheduler.Curtois;

/// <summary>
/// Judges a roster under an instance's rules, from the assignment alone and without any solver type: every hard
/// rule of FORMAT.md (runs touching the horizon's edges exempt from the minimum-run rules) and the objective
/// (on/off requests and cover under/over, plain weighted sums).
/// </summary>
public static class CurtoisChecker
{
    public static CurtoisVerdict Check(CurtoisInstance instance, CurtoisRoster roster)
    {
        if (roster.Employees != instance.Staff.Count || roster.Days != instance.Days)
        {
            throw new ArgumentException($"The roster is {roster.Employees} employees × {roster.Days} days; the instance has {instance.Staff.Count} × {instance.Days}.", nameof(roster));
        }

        var violations = new List<CurtoisViolation>();
        var shifts = instance.Shifts.ToDictionary(s => s.Id, StringComparer.Ordinal);
        for (var e = 0; e < instance.Staff.Count; e++)
        {
            var staff = instance.Staff[e];
            var works = Enumerable.Range(0, instance.Days).Select(d => roster.Works(e, d)).ToArray();
            for (var d = 0; d < instance.Days; d++)
            {
                if (roster[e, d] is { } id && !shifts.ContainsKey(id))
                {
                    violations.Add(new("unknown-shift", staff.Id, d, $"'{id}' is not a shift type."));
                }
            }

            Rotation(instance, roster, e, shifts, violations);
            MaxShifts(instance, roster, e, violations);
            TotalMinutes(instance, roster, e, shifts, violations);
            Runs(staff, works, violations);
            Weekends(instance, staff, works, violations);
            foreach (var day in instance.DaysOff.GetValueOrDefault(staff.Id) ?? new HashSet<int>())
            {
                if (works[day])
                {
                    violations.Add(new("days-off", staff.Id, day, $"works {roster[e, day]} on a fixed day off."));
                }
            }
        }

        var requests = RequestPenalty(instance, roster);
        var cover = CoverPenalty(instance, roster);
        return new CurtoisVerdict(violations, requests + cover, requests, cover);
    }

    private static void Rotation(CurtoisInstance instance, CurtoisRoster roster, int e, Dictionary<string, CurtoisShift> shifts, List<CurtoisViolation> violations)
    {
        for (var d = 0; d + 1 < instance.Days; d++)
        {
            if (roster[e, d] is { } today && roster[e, d + 1] is { } tomorrow && shifts.TryGetValue(today, out var shift) && shift.NotFollowedBy.Contains(tomorrow))
            {
                violations.Add(new("shift-rotation", instance.Staff[e].Id, d, $"{today} on day {d} may not be followed by {tomorrow} on day {d + 1}."));
            }
        }
    }

    private static void MaxShifts(CurtoisInstance instance, CurtoisRoster roster, int e, List<CurtoisViolation> violations)
    {
        var staff = instance.Staff[e];
        foreach (var shift in instance.Shifts)
        {
            var count = Enumerable.Range(0, instance.Days).Count(d => roster[e, d] == shift.Id);
            var limit = staff.MaxShiftsOf(shift.Id, instance.Days);
            if (count > limit)
            {
                violations.Add(new("max-shifts", staff.Id, null, $"works {shift.Id} {count} times, at most {limit} allowed."));
            }
        }
    }

    private static void TotalMinutes(CurtoisInstance instance, CurtoisRoster roster, int e, Dictionary<string, CurtoisShift> shifts, List<CurtoisViolation> violations)
    {
        var staff = instance.Staff[e];
        var minutes = Enumerable.Range(0, instance.Days).Sum(d => roster[e, d] is { } id && shifts.TryGetValue(id, out var s) ? s.LengthMinutes : 0);
        if (minutes > staff.MaxTotalMinutes)
        {
            violations.Add(new("max-total-minutes", staff.Id, null, $"works {minutes} minutes, at most {staff.MaxTotalMinutes} allowed."));
        }

        if (minutes < staff.MinTotalMinutes)
        {
            violations.Add(new("min-total-minutes", staff.Id, null, $"works {minutes} minutes, at least {staff.MinTotalMinutes} required."));
        }
    }

    /// <summary>Runs of working days and of days off; the days beyond the horizon end a working run but exempt edge runs from the minimums.</summary>
    private static void Runs(CurtoisStaff staff, bool[] works, List<CurtoisViolation> violations)
    {
        var start = 0;
        while (start < works.Length)
        {
            var end = start;
            while (end + 1 < works.Length && works[end + 1] == works[start])
            {
                end++;
            }

            var length = end - start + 1;
            var inside = start > 0 && end < works.Length - 1;
            if (works[start] && length > staff.MaxConsecutiveShifts)
            {
                violations.Add(new("max-consecutive-shifts", staff.Id, start, $"works {length} days in a row (days {start}–{end}), at most {staff.MaxConsecutiveShifts} allowed."));
            }

            if (works[start] && inside && length < staff.MinConsecutiveShifts)
            {
                violations.Add(new("min-consecutive-shifts", staff.Id, start, $"works {length} days in a row (days {start}–{end}), at least {staff.MinConsecutiveShifts} required."));
            }

            if (!works[start] && inside && length < staff.MinConsecutiveDaysOff)
            {
                violations.Add(new("min-consecutive-days-off", staff.Id, start, $"has {length} days off in a row (days {start}–{end}), at least {staff.MinConsecutiveDaysOff} required."));
            }

            start = end + 1;
        }
    }

    private static void Weekends(CurtoisInstance instance, CurtoisStaff staff, bool[] works, List<CurtoisViolation> violations)
    {
        var worked = Enumerable.Range(0, instance.Weeks).Count(k => works[(7 * k) + 5] || works[(7 * k) + 6]);
        if (worked > staff.MaxWeekends)
        {
            violations.Add(new("max-weekends", staff.Id, null, $"works {worked} weekends, at most {staff.MaxWeekends} allowed."));
        }
    }

    private static int RequestPenalty(CurtoisInstance instance, CurtoisRoster roster)
    {
        var index = instance.Staff.Select((s, i) => (s.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var on = instance.OnRequests.Where(r => roster[index[r.EmployeeId], r.Day] != r.ShiftId).Sum(r => r.Weight);
        var off = instance.OffRequests.Where(r => roster[index[r.EmployeeId], r.Day] == r.ShiftId).Sum(r => r.Weight);
        return on + off;
    }

    private static int CoverPenalty(CurtoisInstance instance, CurtoisRoster roster) =>
        instance.Cover.Sum(c =>
        {
            var staffed = Enumerable.Range(0, roster.Employees).Count(e => roster[e, c.Day] == c.ShiftId);
            return (c.WeightUnder * Math.Max(0, c.Requirement - staffed)) + (c.WeightOver * Math.Max(0, staffed - c.Requirement));
        });
}
