using ContinuityScheduler.Domain.Scoring;

namespace ContinuityScheduler.Solver.Advice;

/// <summary>
/// The leave-one-out view: the rota as given (its uncovered person-shifts and continuity, by the validator and the
/// scorer), and one record per caregiver left out, the most harmful first (uncovered person-shifts, then other hard
/// rules broken, then the institution's weighted mean lost). <see cref="Complete"/> is false when cancelled midway.
/// </summary>
public sealed record LeaveOneOutResult(
    double UncoveredBefore,
    ContinuitySummary ContinuityBefore,
    IReadOnlyList<LeaveOneOutCaregiver> Caregivers,
    double Seconds,
    bool Complete);
