using NodaTime;

namespace ContinuityScheduler.Solver.Model;

/// <summary>One possible assignment: a caregiver on a demand's shift on a date.</summary>
public readonly record struct AssignmentKey(string CaregiverId, LocalDate Date, string DemandId);
