using ContinuityScheduler.Domain.Shifts;

namespace ContinuityScheduler.Domain.Rules;

/// <summary>The check shared by the consecutive-days and consecutive-nights rules.</summary>
internal static class ConsecutiveRuns
{
    public static IEnumerable<Violation> TooLong(CaregiverTimeline timeline, RuleContext context, IEnumerable<WorkedShift> shifts, string what) =>
        DateRuns.Of(shifts.Select(s => s.Date))
            .Where(run => run.Length > context.Settings.Limit && run.End >= context.Horizon.Start)
            .Select(run => context.Violation(timeline.Caregiver.Id, run.Start, run.End, run.Length, context.Settings.Limit,
                $"{timeline.Caregiver.Name} works {run.Length} {what} in a row from {run.Start:uuuu-MM-dd} to {run.End:uuuu-MM-dd}."));
}
