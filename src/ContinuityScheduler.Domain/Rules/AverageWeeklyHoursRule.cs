using ContinuityScheduler.Domain.Shifts;
using NodaTime;

namespace ContinuityScheduler.Domain.Rules;

/// <summary>
/// Average working time over a reference period of weeks ending in each horizon week. A week before the horizon counts
/// with its reported total, else with its history shifts when the history covers it whole, else at contract hours.
/// The worst period is reported once per caregiver (every breached one while a rota is built).
/// </summary>
public sealed class AverageWeeklyHoursRule : ICaregiverRule
{
    public RuleDefinition Definition { get; } = new("average-weekly-hours", "Average working time a week over the reference period, history included.", "hours", new(true, Severity.Hard, 48, 17));

    public IEnumerable<Violation> Check(CaregiverTimeline timeline, RuleContext context)
    {
        var weeks = context.Settings.Weeks;
        var breaches = context.Horizon.WeekStarts
            .Select(lastWeek => (lastWeek, average: Enumerable.Range(0, weeks).Sum(w => HoursIn(timeline, context, lastWeek.PlusWeeks(-w))) / weeks))
            .Where(window => window.average > context.Settings.Limit + Tolerance.Hours);
        foreach (var (lastWeek, average) in context.Reported(breaches, window => window.average))
        {
            var first = lastWeek.PlusWeeks(1 - weeks);
            yield return context.Violation(timeline.Caregiver.Id, first, lastWeek.PlusDays(6), average, context.Settings.Limit,
                $"{timeline.Caregiver.Name} averages {average:0.##} h a week over the {weeks} weeks from {first:uuuu-MM-dd}.");
        }
    }

    /// <summary>Working hours of one week: from the timeline within history and horizon, else reported, else the contract's.</summary>
    public static double HoursIn(CaregiverTimeline timeline, RuleContext context, LocalDate monday)
    {
        var sunday = monday.PlusDays(6);
        if (monday >= context.Horizon.Start)
        {
            return timeline.StartingBetween(monday, sunday).Sum(s => s.WorkingHours);
        }

        if (context.Problem.History.ReportedHours(timeline.Caregiver.Id, monday) is { } reported)
        {
            return reported;
        }

        return monday >= context.KnownFrom
            ? timeline.StartingBetween(monday, sunday).Sum(s => s.WorkingHours)
            : timeline.Caregiver.Contract.HoursPerWeek;
    }
}
