using ContinuityScheduler.Domain.Shifts;
using NodaTime;

namespace ContinuityScheduler.Domain.Rules;

/// <summary>
/// Free weekends (no work at any instant from Saturday 00:00 to Monday 00:00) in every run of the period's
/// weekends that ends in the horizon; weekends before the history count as free. The worst run is reported (every breached one while a rota is built).
/// </summary>
public sealed class FreeWeekendsRule : ICaregiverRule
{
    public RuleDefinition Definition { get; } = new("free-weekends", "Weekends with Saturday and Sunday both free in every run of the given weeks.", "weekends", new(true, Severity.Hard, 2, 4));

    public IEnumerable<Violation> Check(CaregiverTimeline timeline, RuleContext context)
    {
        var weeks = context.Settings.Weeks;
        var breaches = context.Horizon.WeekStarts
            .Select(monday => monday.PlusDays(5))
            .Select(lastSaturday => (lastSaturday, free: Enumerable.Range(0, weeks).Count(w => IsFree(timeline, context, lastSaturday.PlusWeeks(-w)))))
            .Where(run => run.free < context.Settings.Limit);
        foreach (var (lastSaturday, free) in context.Reported(breaches, run => -run.free))
        {
            var first = lastSaturday.PlusWeeks(1 - weeks);
            yield return context.Violation(timeline.Caregiver.Id, first, lastSaturday.PlusDays(1), free, context.Settings.Limit,
                $"{timeline.Caregiver.Name} has {free} free weekends in the {weeks} from {first:uuuu-MM-dd}.");
        }
    }

    /// <summary>Whether a weekend is free: known free, or before the history and so assumed free.</summary>
    public static bool IsFree(CaregiverTimeline timeline, RuleContext context, LocalDate saturday) =>
        saturday < context.KnownFrom || !timeline.WorksDuring(new Interval(context.StartOf(saturday), context.StartOf(saturday.PlusDays(2))));
}
