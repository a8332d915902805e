namespace ContinuityScheduler.Curtois;

/// <summary>A broken hard rule: its code, the employee, the first day concerned (null when the whole horizon is) and why.</summary>
public sealed record CurtoisViolation(string Rule, string EmployeeId, int? Day, string Reason)
{
    public override string ToString() => $"{Rule}: {EmployeeId}{(Day is { } d ? $" day {d}" : "")}: {Reason}";
}
