using System.Text.Json.Nodes;
using ContinuityScheduler.Domain.Scoring;

namespace ContinuityScheduler.Api.Contracts;

/// <summary>What the hires must reach besides no uncovered post: each bound only when set (scores 0–100).</summary>
public sealed record AdviceTargetBody(double? LowestChildAtLeast, double? UnderThreesMeanAtLeast, double? DistinctPerWeekAtMost);

/// <summary>
/// Staffing advice for a horizon: the candidates as in a candidates file (docs/formats.md), the fewest (<c>count</c>) or
/// cheapest (<c>cost</c>) hires, the target, and the solve's options.
/// </summary>
public sealed record AdviceRequest(HorizonBody Horizon, List<JsonObject> Candidates, string? By, AdviceTargetBody? Target, int? TimeLimitSeconds, double? RelativeGap, int? Seed);

/// <summary>A profile hired: how many, the caregiver ids of those hires in the rota, its price, and the hire in words.</summary>
public sealed record HireView(
    string? Candidate,
    string? Like,
    double HoursPerWeek,
    string EmploymentType,
    IReadOnlyList<string> Skills,
    IReadOnlyList<string> AllowedGroups,
    double Price,
    int Count,
    IReadOnlyList<string> CaregiverIds,
    string Text);

/// <summary>
/// What advice answered: <c>status</c> (<c>proven</c>, <c>best-found</c>, <c>unreachable</c>, <c>unknown</c>) and the same
/// in words, the hires (and their sentence), the least the engine proved possible, uncovered person-shifts before (the
/// plain solve's proven least, else null; and in its rota) and after, the institution's continuity before and after, the
/// hard violations the validator finds on <c>problem</c> (the horizon's problem with the hires added as caregivers), the
/// diagnosis, <c>rota</c>: the rota that reaches it, naming the hires by their caregiver ids, and the target with whether
/// the scorer finds it reached (the bounds missed in words) and the most distinct caregivers per week of one child;
/// <c>provenSeconds</c>: when the answer (proven or unreachable) was proven, counted from the advice's start. The rota is not stored
/// as a rota of the institution: its hires do not exist.
/// </summary>
public sealed record AdviceOutcome(
    string Status,
    string StatusText,
    string By,
    string? Headline,
    IReadOnlyList<HireView> Hires,
    int HireCount,
    double HireCost,
    double? HiresBound,
    double? UncoveredBefore,
    double UncoveredBeforeFound,
    double UncoveredAfter,
    ContinuitySummary ContinuityBefore,
    ContinuitySummary ContinuityAfter,
    int HardViolations,
    double Seconds,
    double BeforeSeconds,
    double? ProvenSeconds,
    IReadOnlyList<string> Diagnosis,
    JsonObject Problem,
    JsonObject Rota,
    AdviceTargetBody Target,
    bool TargetReached,
    IReadOnlyList<string> TargetMisses,
    double MostDistinctPerWeekBefore,
    double MostDistinctPerWeekAfter);

/// <summary>An advice job as a solve job looks (state, progress; cancel it like one) and, once finished, its advice.</summary>
public sealed record AdviceJobView(SolveJobView Job, AdviceOutcome? Advice);
