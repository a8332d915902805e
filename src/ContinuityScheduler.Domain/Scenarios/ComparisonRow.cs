using System.Globalization;

namespace ContinuityScheduler.Domain.Scenarios;

/// <summary>One line of a side-by-side comparison: a label and how to read it off a rota's figures.</summary>
public sealed record ComparisonRow(string Label, Func<RotaFigures, string> Value)
{
    public static IReadOnlyList<ComparisonRow> All { get; } =
    [
        new("children's mean score", f => Number(f.Continuity.Mean, "0.0")),
        new("lowest child's score", f => Number(f.Continuity.Min, "0.0")),
        new("under-threes' mean score", f => Number(f.Continuity.UnderThreeMean, "0.0")),
        new("distinct caregivers per child per week", f => Number(f.Continuity.DistinctPerWeek, "0.00")),
        new("key-person days", f => Percent(f.Continuity.KeyPersonDays)),
        new("key moments with the core team", f => Percent(f.Continuity.KeyMoments)),
        new("same adult from bedtime to waking", f => Percent(f.Continuity.SameAdultNights)),
        new("uncovered person-hours", f => Number(f.ShortfallHours, "0")),
        new("worked hours", f => Number(f.WorkedHours, "0")),
        new("paid hours", f => Number(f.PaidHours, "0")),
        new("cost", f => Number(f.Cost, "#,0")),
        new("hours over contract", f => Number(f.OvertimeHours, "0")),
        new("nights per permanent caregiver (min–max)", f => $"{f.NightsPerCaregiver.Min:0}–{f.NightsPerCaregiver.Max:0}"),
        new("weekends worked per permanent caregiver (min–max)", f => $"{f.WeekendsPerCaregiver.Min:0}–{f.WeekendsPerCaregiver.Max:0}"),
        new("hard rule violations", f => f.HardViolations.ToString(CultureInfo.InvariantCulture)),
        new("soft rule violations", f => f.SoftViolations.ToString(CultureInfo.InvariantCulture)),
    ];

    private static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string Percent(double share) => share.ToString("0%", CultureInfo.InvariantCulture);
}
