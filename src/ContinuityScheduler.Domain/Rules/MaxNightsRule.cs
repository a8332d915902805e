using ContinuityScheduler.Domain.Shifts;

namespace ContinuityScheduler.Domain.Rules;

/// <summary>Nights in any window of the period's length ending on a horizon date; unknown days before history hold no nights. The worst window is reported (every breached one while a rota is built).</summary>
public sealed class MaxNightsRule : ICaregiverRule
{
    public RuleDefinition Definition { get; } = new("max-nights", "Night or sleep-in shifts in any period of the given weeks.", "nights", new(true, Severity.Hard, 12, 4));

    public IEnumerable<Violation> Check(CaregiverTimeline timeline, RuleContext context)
    {
        var nights = timeline.Shifts.Where(s => s.ShiftType.IsNight).Select(s => s.Date).ToList();
        if (nights.Count <= context.Settings.Limit)
        {
            yield break;
        }

        var days = context.Settings.Weeks * 7;
        var breaches = context.Horizon.Dates
            .Select(last => (last, count: nights.Count(d => d <= last && d > last.PlusDays(-days))))
            .Where(window => window.count > context.Settings.Limit);
        foreach (var (last, count) in context.Reported(breaches, window => window.count))
        {
            var first = last.PlusDays(1 - days);
            yield return context.Violation(timeline.Caregiver.Id, first, last, count, context.Settings.Limit,
                $"{timeline.Caregiver.Name} works {count} nights in the {days} days to {last:uuuu-MM-dd}.");
        }
    }
}
