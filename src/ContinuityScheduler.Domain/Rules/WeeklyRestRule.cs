using ContinuityScheduler.Domain.Shifts;
using NodaTime;

namespace ContinuityScheduler.Domain.Rules;

/// <summary>
/// Each Monday–Sunday week of the horizon holds a free calendar day whose surrounding rest, from the end of the
/// shift before to the start of the shift after, lasts at least the limit. Rest before the first known shift is
/// unbounded; rest after the horizon's end is not counted, so every rota stands on its own.
/// </summary>
public sealed class WeeklyRestRule : ICaregiverRule
{
    public RuleDefinition Definition { get; } = new("weekly-rest", "An uninterrupted rest around a free day in each Monday–Sunday week.", "hours", new(true, Severity.Hard, 35));

    public IEnumerable<Violation> Check(CaregiverTimeline timeline, RuleContext context)
    {
        var horizonEnd = context.StartOf(context.Horizon.End.PlusDays(1));
        foreach (var monday in context.Horizon.WeekStarts)
        {
            var longest = Enumerable.Range(0, 7)
                .Select(d => RestAround(timeline, context.DayOf(monday.PlusDays(d)), horizonEnd))
                .Max();
            if (longest < context.Settings.Limit)
            {
                yield return context.Violation(timeline.Caregiver.Id, monday, monday.PlusDays(6), longest, context.Settings.Limit,
                    $"{timeline.Caregiver.Name}'s longest rest around a free day in the week of {monday:uuuu-MM-dd} is {longest:0.##} h.");
            }
        }
    }

    /// <summary>The rest containing a whole free day, in hours; 0 when the caregiver works that day.</summary>
    private static double RestAround(CaregiverTimeline timeline, Interval day, Instant horizonEnd)
    {
        if (timeline.WorksDuring(day))
        {
            return 0;
        }

        var before = timeline.Shifts.Where(s => s.Interval.End <= day.Start).Select(s => (Instant?)s.Interval.End).Max();
        if (before is null)
        {
            return double.PositiveInfinity;
        }

        var after = timeline.Shifts.Where(s => s.Interval.Start >= day.End).Select(s => (Instant?)s.Interval.Start).Min() ?? horizonEnd;
        return (Instant.Min(after, horizonEnd) - before.Value).TotalHours;
    }
}
