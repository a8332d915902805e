using ContinuityScheduler.Domain.Model;
using NodaTime;

namespace ContinuityScheduler.Domain.Scoring;

/// <summary>A date a child is present in a group, with its waking day (wake-up to bedtime, in real time): what the score counts.</summary>
public sealed record PresentDay(LocalDate Date, string GroupId, Interval WakingDay)
{
    public Instant WakeUp => WakingDay.Start;

    public Instant Bedtime => WakingDay.End;

    /// <summary>The horizon's dates the child is in a group, in order.</summary>
    public static List<PresentDay> Of(PlanningProblem problem, Child child) =>
        [.. problem.Horizon.Dates
            .Select(date => (date, group: child.GroupOn(date)))
            .Where(d => d.group is not null)
            .Select(d => new PresentDay(d.date, d.group!, problem.Institution.KeyMoments.WakingDayOn(d.date, problem.Institution.TimeZone)))];
}
