using ContinuityScheduler.Domain.Shifts;

namespace ContinuityScheduler.Domain.Rules;

/// <summary>Nights in any window of the period's length ending on a horizon date; unknown days before history hold no nights. The worst window is reported.</summary>
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
        var worst = context.Horizon.Dates
            .Select(last => (last, count: nights.Count(d => d <= last && d > last.PlusDays(-days))))
            .MaxBy(window => window.count);
        if (worst.count > context.Settings.Limit)
        {
            var first = worst.last.PlusDays(1 - days);
            yield return context.Violation(timeline.Caregiver.Id, first, worst.last, worst.count, context.Settings.Limit,
                $"{timeline.Caregiver.Name} works {worst.count} nights in the {days} days to {worst.last:uuuu-MM-dd}.");
        }
    }
}
