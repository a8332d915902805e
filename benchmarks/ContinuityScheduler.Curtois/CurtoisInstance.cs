namespace ContinuityScheduler.Curtois;

/// <summary>One Curtois–Qu shift-scheduling instance: horizon, shift types, staff, days off, requests and cover.</summary>
public sealed record CurtoisInstance(
    string Name,
    int Days,
    IReadOnlyList<CurtoisShift> Shifts,
    IReadOnlyList<CurtoisStaff> Staff,
    IReadOnlyDictionary<string, IReadOnlySet<int>> DaysOff,
    IReadOnlyList<CurtoisRequest> OnRequests,
    IReadOnlyList<CurtoisRequest> OffRequests,
    IReadOnlyList<CurtoisCover> Cover)
{
    public int Weeks => Days / 7;

    public bool IsDayOff(string employeeId, int day) => DaysOff.TryGetValue(employeeId, out var days) && days.Contains(day);

    public CurtoisShift Shift(string id) => Shifts.First(s => s.Id == id);
}
