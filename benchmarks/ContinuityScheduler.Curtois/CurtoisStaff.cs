namespace ContinuityScheduler.Curtois;

/// <summary>An employee and their hard limits; a shift type missing from <see cref="MaxShifts"/> has no limit.</summary>
public sealed record CurtoisStaff(
    string Id,
    IReadOnlyDictionary<string, int> MaxShifts,
    int MaxTotalMinutes,
    int MinTotalMinutes,
    int MaxConsecutiveShifts,
    int MinConsecutiveShifts,
    int MinConsecutiveDaysOff,
    int MaxWeekends)
{
    /// <summary>How many days the employee may work shift type <paramref name="shiftId"/> over a horizon of <paramref name="days"/>.</summary>
    public int MaxShiftsOf(string shiftId, int days) => MaxShifts.TryGetValue(shiftId, out var limit) ? limit : days;
}
