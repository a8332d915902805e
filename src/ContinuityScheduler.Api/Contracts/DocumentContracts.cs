namespace ContinuityScheduler.Api.Contracts;

// The planning-problem and rota documents of docs/formats.md, as the import, the stateless checks and GET /rotas/{id}/problem carry them.
public sealed record NestedAbsenceBody(string Kind, string From, string To);

public sealed record NestedWishBody(bool Wanted, string? Date = null, string? Weekday = null, string? ShiftType = null, int? Weight = null);

public sealed record ProblemCaregiverBody(string Id, string? ExternalId, string Name, ContractBody Contract, List<string>? Skills = null, List<string>? AllowedGroups = null, List<NestedAbsenceBody>? Absences = null, List<NestedWishBody>? Wishes = null);

public sealed record HistoryShiftBody(string CaregiverId, string Date, string ShiftType, List<string> GroupIds);

public sealed record WeeklyHoursBody(string CaregiverId, string WeekStart, double Hours);

public sealed record HistoryBody(string From, List<HistoryShiftBody>? Shifts = null, List<WeeklyHoursBody>? WeeklyHours = null);

public sealed record PlanningProblemBody(
    InstitutionBody Institution,
    HorizonBody Horizon,
    List<ShiftTypeBody> ShiftTypes,
    List<GroupBody> Groups,
    List<ChildBody> Children,
    List<ProblemCaregiverBody> Caregivers,
    List<DemandBody> Demands,
    HistoryBody? History = null,
    List<PinBody>? Pins = null);

public sealed record AssignmentBody(string CaregiverId, string Date, string DemandId);

public sealed record RotaBody(string MadeBy, List<AssignmentBody> Assignments);
