namespace ContinuityScheduler.Api.Contracts;

public sealed record HorizonBody(string Start, int Weeks);

public sealed record PinBody(string Kind, string CaregiverId, string Date, string? DemandId);

/// <summary>A solve for one horizon; the institution's stored data and published rotas make the problem.</summary>
public sealed record SolveRequest(HorizonBody Horizon, int? TimeLimitSeconds, double? RelativeGap, int? Seed, List<PinBody>? Pins);

/// <summary>A repair of a rota after a caregiver's absence (inclusive dates; <c>to</c> defaults to the rota's last day).</summary>
public sealed record RepairRequest(string CaregiverId, string From, string? To, int? TimeLimitSeconds);

public sealed record JobProgress(double? ElapsedSeconds, double? Incumbent, double? Bound, double? Gap);

/// <summary>
/// How a solve ended: status <c>optimal</c>, <c>feasible</c> or <c>infeasible</c> (the rota breaks a hard rule), the objective
/// recomputed from the rota, a proven bound (null when not proven), hard violations (uncovered posts included), the
/// uncovered person-shifts when proven the least possible, and the diagnosis in words. An advice job's status is the
/// advice's (<c>proven</c>, <c>best-found</c>, <c>unreachable</c>, <c>unknown</c>); its whole answer is at <c>GET …/advice/{id}</c>.
/// </summary>
public sealed record JobResult(string Status, double? Objective, double? Bound, double? Gap, double? FirstSolutionSeconds, double Seconds, int? HardViolations, double? UncoveredMinimum, IReadOnlyList<string> Diagnosis);

/// <summary>
/// A solve, repair or advice job: <c>queued</c>, <c>running</c>, then <c>succeeded</c>, <c>infeasible</c> (its rota breaks a hard
/// rule: see the result's diagnosis), <c>failed</c> or <c>cancelled</c> (a cancelled running job keeps its best rota).
/// </summary>
public sealed record SolveJobView(
    Guid Id,
    string Kind,
    string State,
    DateTime CreatedAt,
    DateTime? StartedAt,
    DateTime? FinishedAt,
    int Attempts,
    bool CancelRequested,
    JobProgress Progress,
    JobResult? Result,
    Guid? RotaId,
    string? Error);
