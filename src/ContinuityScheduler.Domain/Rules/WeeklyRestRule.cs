using ContinuityScheduler.Domain.Shifts;
using NodaTime;

namespace ContinuityScheduler.Domain.Rules;

/// <summary>
/// Each Monday–Sunday week of the horizon overlaps an uninterrupted rest of at least the limit, measured whole from
/// the end of one shift to the start of the next. Rest before the first known shift is unbounded; rest running past
/// the horizon's end counts only up to it, so every rota stands on its own.
/// </summary>
public sealed class WeeklyRestRule : ICaregiverRule
{
    public RuleDefinition Definition { get; } = new("weekly-rest", "An uninterrupted rest overlapping each Monday–Sunday week.", "hours", new(true, Severity.Hard, 35));

    public IEnumerable<Violation> Check(CaregiverTimeline timeline, RuleContext context)
    {
        var horizonEnd = context.StartOf(context.Horizon.End.PlusDays(1));
        var rests = Rests(timeline, horizonEnd).ToList();
        foreach (var monday in context.Horizon.WeekStarts)
        {
            var week = new Interval(context.StartOf(monday), context.StartOf(monday.PlusDays(7)));
            var longest = rests
                .Where(r => (r.Start is null || r.Start < week.End) && r.End > week.Start)
                .Select(r => r.Start is { } start ? (r.End - start).TotalHours : double.PositiveInfinity)
                .DefaultIfEmpty(0)
                .Max();
            if (longest < context.Settings.Limit)
            {
                yield return context.Violation(timeline.Caregiver.Id, monday, monday.PlusDays(6), longest, context.Settings.Limit,
                    $"{timeline.Caregiver.Name}'s longest uninterrupted rest in the week of {monday:uuuu-MM-dd} is {longest:0.##} h.");
            }
        }
    }

    /// <summary>The gaps between work, in order: from no known start (null) to the first shift, between shifts, and up to the horizon's end.</summary>
    private static IEnumerable<(Instant? Start, Instant End)> Rests(CaregiverTimeline timeline, Instant horizonEnd)
    {
        Instant? restSince = null;
        foreach (var shift in timeline.Shifts)
        {
            if (restSince is null || shift.Interval.Start > restSince)
            {
                yield return (restSince, Instant.Min(shift.Interval.Start, horizonEnd));
            }

            if (restSince is null || shift.Interval.End > restSince)
            {
                restSince = shift.Interval.End;
            }
        }

        if (restSince is null || restSince < horizonEnd)
        {
            yield return (restSince, horizonEnd);
        }
    }
}
