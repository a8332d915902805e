using ContinuityScheduler.Domain.Model;
using NodaTime;

namespace ContinuityScheduler.Solver.Model;

/// <summary>The real interval of every shift type on every date the model looks at, computed once.</summary>
internal sealed class ShiftCalendar(PlanningProblem problem)
{
    private readonly Dictionary<(LocalDate, string), Interval> intervals = [];

    public DateTimeZone Zone => problem.Institution.TimeZone;

    public Interval Of(LocalDate date, ShiftType type)
    {
        if (!intervals.TryGetValue((date, type.Code), out var interval))
        {
            interval = type.IntervalOn(date, Zone);
            intervals[(date, type.Code)] = interval;
        }

        return interval;
    }

    public Instant StartOf(LocalDate date) => date.AtStartOfDayInZone(Zone).ToInstant();

    public Interval DayOf(LocalDate date) => new(StartOf(date), StartOf(date.PlusDays(1)));

    public static bool Overlap(Interval a, Interval b) => a.Start < b.End && b.Start < a.End;

    /// <summary>Hours from the end of the earlier of two shifts to the start of the later; negative when they overlap.</summary>
    public static double RestBetween(Interval a, Interval b) =>
        a.Start <= b.Start ? (b.Start - a.End).TotalHours : (a.Start - b.End).TotalHours;
}
