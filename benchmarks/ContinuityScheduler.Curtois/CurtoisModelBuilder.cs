using ContinuityScheduler.Solver.Engine;

namespace ContinuityScheduler.Curtois;

/// <summary>
/// Maps an instance onto the solver core's <see cref="MipModel"/>: x[e,d,s] binaries (only where the employee may
/// take s and the day is not a fixed day off), work[e,d] = Σ_s x[e,d,s], every hard rule as rows, cover as
/// integer under/over columns priced by their weights, requests priced on x. The objective equals FORMAT.md's.
/// Every helper column records how it follows from a roster, so any roster can be turned into a start.
/// </summary>
public sealed class CurtoisModelBuilder
{
    private readonly CurtoisInstance instance;
    private readonly MipModel mip = new();
    private readonly Variable?[,,] x;
    private readonly Variable[,] work;
    private readonly List<(Variable Column, Func<CurtoisRoster, double> Value)> derived = [];

    private CurtoisModelBuilder(CurtoisInstance instance)
    {
        this.instance = instance;
        x = new Variable?[instance.Staff.Count, instance.Days, instance.Shifts.Count];
        work = new Variable[instance.Staff.Count, instance.Days];
    }

    /// <summary>The model of the whole instance, or of some employees only (the others absent: off every day, no rows).</summary>
    public static CurtoisModel Build(CurtoisInstance instance, IReadOnlyCollection<int>? employees = null)
    {
        var builder = new CurtoisModelBuilder(instance);
        var included = employees?.ToHashSet() ?? [.. Enumerable.Range(0, instance.Staff.Count)];
        for (var e = 0; e < instance.Staff.Count; e++)
        {
            builder.Employee(e, included.Contains(e));
        }

        builder.Requests();
        builder.Cover();
        return new CurtoisModel(instance, builder.mip, builder.x, builder.derived);
    }

    private void Employee(int e, bool included)
    {
        var staff = instance.Staff[e];
        for (var d = 0; d < instance.Days; d++)
        {
            var off = !included || instance.IsDayOff(staff.Id, d);
            for (var s = 0; s < instance.Shifts.Count; s++)
            {
                x[e, d, s] = off || staff.MaxShiftsOf(instance.Shifts[s].Id, instance.Days) == 0 ? null : mip.AddBinary();
            }

            var shifts = Present(e, d).ToList();
            work[e, d] = shifts.Count > 0 ? mip.AddBinary() : mip.AddInteger(0, 0);
            var (employee, day) = (e, d);
            derived.Add((work[e, d], r => r.Works(employee, day) ? 1 : 0));
            if (shifts.Count > 0)
            {
                mip.Add("one-shift-per-day", [.. shifts, -1 * (Term)work[e, d]], Sense.Equal, 0, $"{staff.Id} day {d}");
            }
        }

        if (!included)
        {
            return;
        }

        Rotation(e);
        MaxShifts(e);
        TotalMinutes(e);
        Runs(e);
        Weekends(e);
    }

    private IEnumerable<Term> Present(int e, int d) =>
        Enumerable.Range(0, instance.Shifts.Count).Where(s => x[e, d, s] is not null).Select(s => (Term)x[e, d, s]!.Value);

    /// <summary>x[d,s] + Σ over the forbidden successors s' of x[d+1,s'] ≤ 1: one row per shift, as tight as the pairs.</summary>
    private void Rotation(int e)
    {
        var index = Indexes();
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

    private void MaxShifts(int e)
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
    private void TotalMinutes(int e)
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

    /// <summary>Max run: every window of max+1 days holds a day off. Min runs of work and of days off: see <see cref="MinRuns"/>.</summary>
    private void Runs(int e)
    {
        var staff = instance.Staff[e];
        var most = staff.MaxConsecutiveShifts;
        for (var d = 0; d + most < instance.Days; d++)
        {
            mip.Add("max-consecutive-shifts", Enumerable.Range(d, most + 1).Select(t => (Term)work[e, t]), Sense.LessOrEqual, most, $"{staff.Id} days {d}–{d + most}");
        }

        MinRuns(e, "min-consecutive-shifts", staff.MinConsecutiveShifts, working: true);
        MinRuns(e, "min-consecutive-days-off", staff.MinConsecutiveDaysOff, working: false);
    }

    /// <summary>
    /// Runs of working days (or of days off) last at least <paramref name="least"/> days unless they touch an edge: a run
    /// that starts on day d ≥ 1 (on[d] − on[d−1] = 1) is still on at d+j for j &lt; least while d+j lies inside the horizon.
    /// The turn-on form (start columns, windows of starts) gave the same root bounds on Instances 3, 5 and 9 and worse
    /// first rosters, so the pairwise rows stay.
    /// </summary>
    private void MinRuns(int e, string rule, int least, bool working)
    {
        var label = instance.Staff[e].Id;

        // on[d] − on[d−1] − on[d+j] ≤ 0, with on = work for runs of work and on = 1 − work for runs of days off.
        var sign = working ? 1 : -1;
        for (var d = 1; d < instance.Days; d++)
        {
            for (var j = 1; j < least && d + j < instance.Days; j++)
            {
                mip.Add(rule, [sign * (Term)work[e, d], -sign * (Term)work[e, d - 1], -sign * (Term)work[e, d + j]], Sense.LessOrEqual, working ? 0 : 1, $"{label} day {d}+{j}");
            }
        }
    }

    /// <summary>weekend[k] ≥ work on Saturday and on Sunday, and ≤ their sum, so it is exactly "worked that weekend".</summary>
    private void Weekends(int e)
    {
        var staff = instance.Staff[e];
        if (staff.MaxWeekends >= instance.Weeks)
        {
            return;
        }

        var weekends = new List<Term>();
        for (var k = 0; k < instance.Weeks; k++)
        {
            var (saturday, sunday) = ((7 * k) + 5, (7 * k) + 6);
            var weekend = mip.AddBinary();
            derived.Add((weekend, r => r.Works(e, saturday) || r.Works(e, sunday) ? 1 : 0));
            mip.Add("max-weekends", [weekend, -1 * (Term)work[e, saturday]], Sense.GreaterOrEqual, 0, $"{staff.Id} weekend {k} saturday");
            mip.Add("max-weekends", [weekend, -1 * (Term)work[e, sunday]], Sense.GreaterOrEqual, 0, $"{staff.Id} weekend {k} sunday");
            mip.Add("max-weekends", [weekend, -1 * (Term)work[e, saturday], -1 * (Term)work[e, sunday]], Sense.LessOrEqual, 0, $"{staff.Id} weekend {k}");
            weekends.Add(weekend);
        }

        mip.Add("max-weekends", weekends, Sense.LessOrEqual, staff.MaxWeekends, staff.Id);
    }

    /// <summary>An on-request costs its weight unless x is 1 (a constant minus weight·x); an off-request costs weight·x.</summary>
    private void Requests()
    {
        var staff = instance.Staff.Select((s, i) => (s.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var shifts = Indexes();
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
    private void Cover()
    {
        var shifts = Indexes();
        foreach (var cover in instance.Cover)
        {
            var s = shifts[cover.ShiftId];
            var staffed = Enumerable.Range(0, instance.Staff.Count).Where(e => x[e, cover.Day, s] is not null).Select(e => (Term)x[e, cover.Day, s]!.Value).ToList();
            var under = mip.AddInteger(0, cover.Requirement, cover.WeightUnder);
            var over = mip.AddInteger(0, Math.Max(0, staffed.Count - cover.Requirement), cover.WeightOver);
            int Staffed(CurtoisRoster r) => Enumerable.Range(0, r.Employees).Count(e => r[e, cover.Day] == cover.ShiftId);
            derived.Add((under, r => Math.Max(0, cover.Requirement - Staffed(r))));
            derived.Add((over, r => Math.Max(0, Staffed(r) - cover.Requirement)));
            mip.Add("cover", [.. staffed, under, -1 * (Term)over], Sense.Equal, cover.Requirement, $"day {cover.Day} {cover.ShiftId}");
        }
    }

    private Dictionary<string, int> Indexes() =>
        instance.Shifts.Select((s, i) => (s.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
}
