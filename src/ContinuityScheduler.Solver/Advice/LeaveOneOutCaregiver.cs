using System.Text.Json.Serialization;
using ContinuityScheduler.Domain.Model;

namespace ContinuityScheduler.Solver.Advice;

/// <summary>
/// The home without one caregiver over the horizon: the repair of the rota as given (absent on every date, the fewest
/// changes, then the most continuity), judged by the validator and the scorer on the home with that absence. <see cref="Rota"/>, the repaired rota the figures are read from, is left out of JSON.
/// </summary>
public sealed record LeaveOneOutCaregiver(
    string CaregiverId,
    string Name,
    int ShiftsLost,
    int Changes,
    SolveStatus Status,
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
    [property: JsonIgnore] Rota Rota)
{
    /// <summary>The institution's weighted mean score lost.</summary>
    public double Drop => WeightedMeanBefore - WeightedMeanAfter;
}
