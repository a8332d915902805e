using ContinuityScheduler.Domain.Shifts;
using NodaTime;

namespace ContinuityScheduler.Domain.Rules;

/// <summary>
/// Each Monday–Sunday week of the horizon has an uninterrupted rest of at least the limit with at least the limit less
/// min-rest's limit of it inside the week (35 h with 24 h inside by default); its hours outside the week count towards
/// its length. A rest is measured from the end of one shift to the start of the next, history included; the rest before
/// the first known shift and after the last one is open-ended.
/// </summary>
public sealed class WeeklyRestRule : ICaregiverRule
{
    public RuleDefinition Definition { get; } = new("weekly-rest", "An uninterrupted rest in each Monday–Sunday week, at least the limit long with the limit less min-rest inside the week.", "hours", new(true, Severity.Hard, 35));

    public IEnumerable<Violation> Check(CaregiverTimeline timeline, RuleContext context)
    {
        var inside = InsideNeeded(context);
        var rests = Rests(timeline).ToList();
        foreach (var monday in context.Horizon.WeekStarts)
        {
            var week = new Interval(context.StartOf(monday), context.StartOf(monday.PlusDays(7)));
            // What each rest gives the week: its whole length when enough of it lies inside, else only what lies inside.
            var longest = rests
                .Select(r => (Length: Hours(r.Start, r.End), Inside: Inside(r, week)))
                .Select(r => r.Inside >= inside - Tolerance.Hours ? r.Length : r.Inside)
                .Max();
            if (longest < context.Settings.Limit - Tolerance.Hours)
            {
                yield return context.Violation(timeline.Caregiver.Id, monday, monday.PlusDays(6), longest, context.Settings.Limit,
                    $"{timeline.Caregiver.Name}'s longest rest with {Math.Max(0, inside):0.##} h of it in the week of {monday:uuuu-MM-dd} is {longest:0.##} h.");
            }
        }
    }

    /// <summary>Hours of the rest that must lie inside the week: the limit less min-rest's limit.</summary>
    public static double InsideNeeded(RuleContext context) =>
        context.Settings.Limit - context.Problem.Institution.LabourRules["min-rest"].Limit;

    /// <summary>The gaps between work, in order: from no known start (null) to the first shift, between shifts, and after the last (no end: null).</summary>
    public static IEnumerable<(Instant? Start, Instant? End)> Rests(CaregiverTimeline timeline)
    {
        Instant? restSince = null;
        var first = true;
        foreach (var shift in timeline.Shifts)
        {
            if (first || shift.Interval.Start > restSince)
            {
                yield return (restSince, shift.Interval.Start);
            }

            first = false;
            if (restSince is null || shift.Interval.End > restSince)
            {
                restSince = shift.Interval.End;
            }
        }

        yield return (restSince, null);
    }

    private static double Hours(Instant? start, Instant? end) =>
        start is { } s && end is { } e ? (e - s).TotalHours : double.PositiveInfinity;

    private static double Inside((Instant? Start, Instant? End) rest, Interval week)
    {
        var start = rest.Start is { } s && s > week.Start ? s : week.Start;
        var end = rest.End is { } e && e < week.End ? e : week.End;
        return Math.Max(0, (end - start).TotalHours);
    }
}
