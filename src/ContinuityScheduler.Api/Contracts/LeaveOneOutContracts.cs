using ContinuityScheduler.Domain.Scoring;
using ContinuityScheduler.Solver.Advice;

namespace ContinuityScheduler.Api.Contracts;

/// <summary>
/// The leave-one-out view of one of the institution's stored rotas (published or draft; its own problem is the
/// problem): the caregivers to leave out one at a time (every caregiver when absent), and the solve's options; the
/// time limit covers every caregiver's repair.
/// </summary>
public sealed record LeaveOneOutRequest(Guid RotaId, List<string>? Caregivers, int? TimeLimitSeconds, double? RelativeGap, int? Seed);

/// <summary>
/// One caregiver left out over the whole horizon: the shifts they lose, the changes the repair (fewest changes, then the
/// most continuity) asks of colleagues, the repair's status, uncovered person-shifts (and whether no repair leaves
/// fewer, proven), other hard violations, the institution's weighted mean and lowest child before → after, the group
/// losing most and the children falling most (under-threes marked), and the line in words.
/// </summary>
public sealed record LeaveOneOutCaregiverView(
    string CaregiverId,
    string Name,
    int ShiftsLost,
    int Changes,
    string Status,
    double Uncovered,
    bool UncoveredProven,
    int OtherHardViolations,
    double WeightedMeanBefore,
    double WeightedMeanAfter,
    double LowestBefore,
    double LowestAfter,
    LeaveOneOutGroup? GroupLosingMost,
    IReadOnlyList<LeaveOneOutChild> ChildrenFallingMost,
    double Seconds,
    string Text);

/// <summary>
/// The leave-one-out view: the rota as given (uncovered person-shifts and continuity, by the validator and the scorer,
/// and in words) and one record per caregiver, the most harmful first. <c>complete</c> is false when cancelled midway.
/// The repaired rotas are not stored as rotas of the institution.
/// </summary>
public sealed record LeaveOneOutView(
    Guid RotaId,
    double UncoveredBefore,
    ContinuitySummary ContinuityBefore,
    string BeforeText,
    IReadOnlyList<LeaveOneOutCaregiverView> Caregivers,
    double Seconds,
    bool Complete,
    string SummaryText);

/// <summary>A leave-one-out job as a solve job looks (state, progress; cancel it like one) and, once finished, its view.</summary>
public sealed record LeaveOneOutJobView(SolveJobView Job, LeaveOneOutView? View);
