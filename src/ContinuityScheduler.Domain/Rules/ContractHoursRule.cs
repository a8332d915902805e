using ContinuityScheduler.Domain.Shifts;

namespace ContinuityScheduler.Domain.Rules;

/// <summary>
/// Working time over the horizon against the contract: hours a week times weeks, less a seventh of the weekly hours
/// for each day of absence, within a tolerance given per period and scaled to the horizon. Relief and agency
/// staff only have the ceiling.
/// </summary>
public sealed class ContractHoursRule : ICaregiverRule
{
    public RuleDefinition Definition { get; } = new("contract-hours", "Working time over the horizon within the contract's target plus or minus a tolerance.", "hours", new(true, Severity.Hard, 8, 4));

    public IEnumerable<Violation> Check(CaregiverTimeline timeline, RuleContext context)
    {
        var caregiver = timeline.Caregiver;
        var target = Target(caregiver, context);
        var tolerance = HorizonTolerance(context.Settings, context.Horizon);
        var worked = timeline.RotaShifts.Sum(s => s.WorkingHours);
        var first = context.Horizon.Start;
        var last = context.Horizon.End;
        if (worked > target + tolerance + Tolerance.Hours)
        {
            yield return context.Violation(caregiver.Id, first, last, worked, Math.Round(target + tolerance, 2),
                $"{caregiver.Name} works {worked:0.##} h against a target of {target:0.##} h (at most {target + tolerance:0.##} h).");
        }
        else if (!context.Partial && !caregiver.Contract.IsOnCall && worked < target - tolerance - Tolerance.Hours)
        {
            yield return context.Violation(caregiver.Id, first, last, worked, Math.Round(Math.Max(0, target - tolerance), 2),
                $"{caregiver.Name} works {worked:0.##} h against a target of {target:0.##} h (at least {target - tolerance:0.##} h).");
        }
    }

    /// <summary>The tolerance, given per period of the settings, scaled to the horizon.</summary>
    public static double HorizonTolerance(RuleSettings settings, Model.Horizon horizon) => settings.Limit * horizon.Weeks / settings.Weeks;

    /// <summary>The contract's hours over the horizon, less the days of absence.</summary>
    public static double Target(Model.Caregiver caregiver, RuleContext context) => Target(caregiver, context.Horizon);

    public static double Target(Model.Caregiver caregiver, Model.Horizon horizon)
    {
        var absentDays = horizon.Dates.Count(d => caregiver.AbsenceOn(d) is not null);
        return caregiver.Contract.HoursPerWeek * (horizon.Weeks - (absentDays / 7.0));
    }
}
