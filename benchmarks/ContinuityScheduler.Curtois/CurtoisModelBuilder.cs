using ContinuityScheduler.Solver.Engine;

namespace ContinuityScheduler.Curtois;

/// <summary>
/// Maps an instance onto the solver core's <see cref="MipModel"/>: x[e,d,s] binaries (only where the employee may
/// take s and the day is not a fixed day off), work[e,d] = Σ_s x[e,d,s], every hard rule as rows, cover as
/// integer under/over columns priced by their weights, requests priced on x. The objective equals FORMAT.md's.
/// </summary>
public static class CurtoisModelBuilder
{
    public static CurtoisModel Build(CurtoisInstance instance)
    {
        var mip = new MipModel();
        var staffCount = instance.Staff.Count;
        var days = instance.Days;
        var shifts = instance.Shifts;
        var x = new Variable?[staffCount, days, shifts.Count];
        var work = new Variable[staffCount, days];
        for (var e = 0; e < staffCount; e++)
        {
            var staff = instance.Staff[e];
            for (var d = 0; d < days; d++)
            {
                var off = instance.IsDayOff(staff.Id, d);
                for (var s = 0; s < shifts.Count; s++)
                {
                    x[e, d, s] = off || staff.MaxShiftsOf(shifts[s].Id, days) == 0 ? null : mip.AddBinary();
                }

                var any = Enumerable.Range(0, shifts.Count).Any(s => x[e, d, s] is not null);
                work[e, d] = any ? mip.AddBinary() : mip.AddInteger(0, 0);
                if (any)
                {
                    mip.Add("one-shift-per-day", [.. Present(x, e, d), -1 * (Term)work[e, d]], Sense.Equal, 0, $"{staff.Id} day {d}");
                }
            }

            Rotation(mip, instance, x, e);
            MaxShifts(mip, instance, x, e);
            TotalMinutes(mip, instance, x, e);
            Runs(mip, instance.Staff[e], work, e, days);
            Weekends(mip, instance, work, e);
        }

        Requests(mip, instance, x);
        Cover(mip, instance, x);
        return new CurtoisModel(instance, mip, x);
    }

    private static IEnumerable<Term> Present(Variable?[,,] x, int e, int d) =>
        Enumerable.Range(0, x.GetLength(2)).Where(s => x[e, d, s] is not null).Select(s => (Term)x[e, d, s]!.Value);

    /// <summary>x[d,s] + Σ over the forbidden successors s' of x[d+1,s'] ≤ 1: one row per shift, as tight as the pairs.</summary>
    private static void Rotation(MipModel mip, CurtoisInstance instance, Variable?[,,] x, int e)
    {
        var index = Indexes(instance);
        for (var s = 0; s < instance.Shifts.Count; s++)
        {
            var next = instance.Shifts[s].NotFollowedBy.Select(id => index[id]).ToList();
            for (var d = 0; d + 1 < instance.Days; d++)
            {
                var successors = next.Where(t => x[e, d + 1, t] is not null).Select(t => (Term)x[e, d + 1, t]!.Value).ToList();
                if (x[e, d, s] is { } today && successors.Count > 0)
                {
                    mip.Add("shift-rotation", [today, .. successors], Sense.LessOrEqual, 1, $"{instance.Staff[e].Id} day {d} {instance.Shifts[s].Id}");
                }
            }
        }
    }

    private static void MaxShifts(MipModel mip, CurtoisInstance instance, Variable?[,,] x, int e)
    {
        var staff = instance.Staff[e];
        for (var s = 0; s < instance.Shifts.Count; s++)
        {
            var columns = Enumerable.Range(0, instance.Days).Where(d => x[e, d, s] is not null).Select(d => (Term)x[e, d, s]!.Value).ToList();
            var limit = staff.MaxShiftsOf(instance.Shifts[s].Id, instance.Days);
            if (columns.Count > limit)
            {
                mip.Add("max-shifts", columns, Sense.LessOrEqual, limit, $"{staff.Id} {instance.Shifts[s].Id}");
            }
        }
    }

    /// <summary>Minutes divided by the lengths' common divisor, bounds rounded inwards: the same integer points, a tighter LP.</summary>
    private static void TotalMinutes(MipModel mip, CurtoisInstance instance, Variable?[,,] x, int e)
    {
        var staff = instance.Staff[e];
        var unit = instance.Shifts.Select(s => s.LengthMinutes).Aggregate(Gcd);
        var terms = new List<Term>();
        for (var d = 0; d < instance.Days; d++)
        {
            for (var s = 0; s < instance.Shifts.Count; s++)
            {
                if (x[e, d, s] is { } column)
                {
                    terms.Add(new Term(instance.Shifts[s].LengthMinutes / unit, column));
                }
            }
        }

        mip.Add("max-total-minutes", terms, Sense.LessOrEqual, Math.Floor((double)staff.MaxTotalMinutes / unit), staff.Id);
        if (staff.MinTotalMinutes > 0)
        {
            mip.Add("min-total-minutes", terms, Sense.GreaterOrEqual, Math.Ceiling((double)staff.MinTotalMinutes / unit), staff.Id);
        }
    }

    /// <summary>
    /// Max run: every window of max+1 days holds a day off. Min runs: a run that starts on day d ≥ 1 (work[d] − work[d−1])
    /// lasts through d+j for j &lt; min while inside the horizon, so runs at either edge are exempt; the same for days off.
    /// </summary>
    private static void Runs(MipModel mip, CurtoisStaff staff, Variable[,] work, int e, int days)
    {
        var most = staff.MaxConsecutiveShifts;
        for (var d = 0; d + most < days; d++)
        {
            mip.Add("max-consecutive-shifts", Enumerable.Range(d, most + 1).Select(t => (Term)work[e, t]), Sense.LessOrEqual, most, $"{staff.Id} days {d}–{d + most}");
        }

        for (var d = 1; d < days; d++)
        {
            for (var j = 1; j < staff.MinConsecutiveShifts && d + j < days; j++)
            {
                mip.Add("min-consecutive-shifts", [work[e, d], -1 * (Term)work[e, d - 1], -1 * (Term)work[e, d + j]], Sense.LessOrEqual, 0, $"{staff.Id} day {d}+{j}");
            }

            for (var j = 1; j < staff.MinConsecutiveDaysOff && d + j < days; j++)
            {
                mip.Add("min-consecutive-days-off", [work[e, d - 1], -1 * (Term)work[e, d], work[e, d + j]], Sense.LessOrEqual, 1, $"{staff.Id} day {d}+{j}");
            }
        }
    }

    /// <summary>weekend[k] ≥ work on Saturday and on Sunday, and ≤ their sum, so it is exactly "worked that weekend".</summary>
    private static void Weekends(MipModel mip, CurtoisInstance instance, Variable[,] work, int e)
    {
        var staff = instance.Staff[e];
        if (staff.MaxWeekends >= instance.Weeks)
        {
            return;
        }

        var weekends = new List<Term>();
        for (var k = 0; k < instance.Weeks; k++)
        {
            var (saturday, sunday) = (work[e, (7 * k) + 5], work[e, (7 * k) + 6]);
            var weekend = mip.AddBinary();
            mip.Add("max-weekends", [weekend, -1 * (Term)saturday], Sense.GreaterOrEqual, 0, $"{staff.Id} weekend {k} saturday");
            mip.Add("max-weekends", [weekend, -1 * (Term)sunday], Sense.GreaterOrEqual, 0, $"{staff.Id} weekend {k} sunday");
            mip.Add("max-weekends", [weekend, -1 * (Term)saturday, -1 * (Term)sunday], Sense.LessOrEqual, 0, $"{staff.Id} weekend {k}");
            weekends.Add(weekend);
        }

        mip.Add("max-weekends", weekends, Sense.LessOrEqual, staff.MaxWeekends, staff.Id);
    }

    /// <summary>An on-request costs its weight unless x is 1 (a constant minus weight·x); an off-request costs weight·x.</summary>
    private static void Requests(MipModel mip, CurtoisInstance instance, Variable?[,,] x)
    {
        var staff = instance.Staff.Select((s, i) => (s.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var shifts = Indexes(instance);
        foreach (var request in instance.OnRequests)
        {
            mip.AddConstant(request.Weight);
            if (x[staff[request.EmployeeId], request.Day, shifts[request.ShiftId]] is { } column)
            {
                mip.AddCost(column, -request.Weight);
            }
        }

        foreach (var request in instance.OffRequests)
        {
            if (x[staff[request.EmployeeId], request.Day, shifts[request.ShiftId]] is { } column)
            {
                mip.AddCost(column, request.Weight);
            }
        }
    }

    /// <summary>Σ_e x[e,d,s] − over + under = requirement, with integer under/over priced by the cover weights.</summary>
    private static void Cover(MipModel mip, CurtoisInstance instance, Variable?[,,] x)
    {
        var shifts = Indexes(instance);
        foreach (var cover in instance.Cover)
        {
            var s = shifts[cover.ShiftId];
            var staffed = Enumerable.Range(0, instance.Staff.Count).Where(e => x[e, cover.Day, s] is not null).Select(e => (Term)x[e, cover.Day, s]!.Value).ToList();
            var under = mip.AddInteger(0, cover.Requirement, cover.WeightUnder);
            var over = mip.AddInteger(0, Math.Max(0, staffed.Count - cover.Requirement), cover.WeightOver);
            mip.Add("cover", [.. staffed, under, -1 * (Term)over], Sense.Equal, cover.Requirement, $"day {cover.Day} {cover.ShiftId}");
        }
    }

    private static Dictionary<string, int> Indexes(CurtoisInstance instance) =>
        instance.Shifts.Select((s, i) => (s.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
}
