using ContinuityScheduler.Domain.Model;
using NodaTime;

namespace ContinuityScheduler.Domain.Shifts;

/// <summary>A shift placed on the time line: who, which date, its real interval and the groups it serves.</summary>
public sealed record WorkedShift(string CaregiverId, LocalDate Date, ShiftType ShiftType, Interval Interval, IReadOnlyList<string> GroupIds, Demand? Demand)
{
    /// <summary>True for a shift from the history before the horizon.</summary>
    public bool IsHistory => Demand is null;

    public double Hours => Interval.Duration.TotalHours;

    public double WorkingHours => Hours * ShiftType.WorkingTimeFactor;

    public double PaidHours => Hours * ShiftType.PaidTimeFactor;

    public bool Serves(string groupId) => GroupIds.Contains(groupId);
}
