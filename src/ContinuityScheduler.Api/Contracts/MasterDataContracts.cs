namespace ContinuityScheduler.Api.Contracts;

// The bodies of master data, exactly the items of the planning-problem document (docs/formats.md); dates are ISO-8601 strings.
public sealed record KeyMomentsBody(string WakeUp, string Bedtime);

public sealed record RuleSettingsBody(bool? Enabled, string? Severity, double? Limit, int? Weeks);

public sealed record LabourRulesBody(bool ResidentialDerogation, double CompensatoryRestHours, Dictionary<string, RuleSettingsBody> Rules);

public sealed record ScoreWeightsBody(double CoreShare, double KeyPersonDays, double KeyMoments, double DistinctPerWeek, double TargetDistinctPerWeek);

public sealed record InstitutionBody(string Id, string Name, string TimeZone, KeyMomentsBody KeyMoments, LabourRulesBody LabourRules, ScoreWeightsBody ScoreWeights);

public sealed record ShiftTypeBody(string Code, string Name, string Start, string End, int? EndDayOffset, string Kind, double WorkingTimeFactor, double PaidTimeFactor);

public sealed record GroupBody(string Id, string Name, int CoreTeamTarget, List<string>? CoreTeam = null);

public sealed record MembershipBody(string GroupId, string From, string? To = null);

public sealed record DateRangeBody(string From, string To);

public sealed record ChildBody(string Id, string BirthDate, List<MembershipBody> Memberships, List<string>? KeyPersons = null, List<DateRangeBody>? DaysAway = null);

public sealed record ContractBody(double HoursPerWeek, string EmploymentType);

public sealed record CaregiverBody(string Id, string? ExternalId, string Name, ContractBody Contract, List<string>? Skills = null, List<string>? AllowedGroups = null);

public sealed record AbsenceBody(string Id, string CaregiverId, string Kind, string From, string To);

public sealed record WishBody(string Id, string CaregiverId, bool Wanted, string? Date = null, string? Weekday = null, string? ShiftType = null, int? Weight = null);

public sealed record DemandBody(string Id, List<string> GroupIds, string ShiftType, int Count, List<string>? Skills = null, List<string>? Weekdays = null, List<string>? Dates = null);

public sealed record ImportSummary(string InstitutionId, Dictionary<string, int> Stored, bool HistoryStored, IReadOnlyList<string> Ignored);

public sealed record InstitutionSummary(string Id, DateTime CreatedAt, DateTime UpdatedAt);

public sealed record ApiKeyCreated(string Id, string Key, string? Label, DateTime CreatedAt);

public sealed record ApiKeyInfo(string Id, string? Label, DateTime CreatedAt, DateTime? RevokedAt);

public sealed record ApiKeyRequest(string? Label);
