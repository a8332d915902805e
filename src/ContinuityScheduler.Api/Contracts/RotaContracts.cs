using ContinuityScheduler.Domain.Rules;

namespace ContinuityScheduler.Api.Contracts;

public sealed record RotaSummary(Guid Id, string HorizonStart, int Weeks, string Status, string MadeBy, int Assignments, Guid? JobId, DateTime CreatedAt, DateTime? PublishedAt);

/// <summary>One shift of a rota, with what the demand says: shift type, groups, and the real start and end (ISO-8601 with offset).</summary>
public sealed record RotaShift(string CaregiverId, string Date, string DemandId, string ShiftType, IReadOnlyList<string> GroupIds, string Start, string End, double WorkingHours, double PaidHours);

public sealed record RotaView(RotaSummary Rota, IReadOnlyList<RotaShift> Shifts);

/// <summary>A rota's violations; <c>omitted</c> counts those beyond a rule's cap of 50 for one caregiver (they are in the counts, not listed).</summary>
public sealed record ViolationsView(bool Valid, int HardCount, int SoftCount, IReadOnlyList<Violation> Violations, IReadOnlyList<OmittedViolations> Omitted)
{
    public static ViolationsView Of(ValidationReport report) => new(report.IsValid, report.HardCount, report.SoftCount, report.Violations, report.Omitted);
}

/// <summary>A rota made elsewhere for a horizon: assignments as in the rota document.</summary>
public sealed record RotaUpload(HorizonBody Horizon, string? MadeBy, List<AssignmentBody> Assignments);

public sealed record HorizonRequest(HorizonBody Horizon);
