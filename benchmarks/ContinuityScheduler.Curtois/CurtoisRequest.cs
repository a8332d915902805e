namespace ContinuityScheduler.Curtois;

/// <summary>A wish to work (on-request) or not to work (off-request) a shift type on a day, with the penalty for breaking it.</summary>
public sealed record CurtoisRequest(string EmployeeId, int Day, string ShiftId, int Weight);
