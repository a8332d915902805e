namespace ContinuityScheduler.Solver.Model;

/// <summary>
/// The objective's prices, in the order of importance the product promises (docs/solver.md): a missing
/// person-shift costs more than any continuity term; continuity more than stability; stability more than
/// wishes, contract closeness and fairness. Group and child terms are multiplied by the children's weight
/// (an under-three counts twice).
/// </summary>
public sealed record ObjectiveWeights
{
    public static ObjectiveWeights Default { get; } = new();

    /// <summary>Per person-shift a demand lacks.</summary>
    public double Shortfall { get; init; } = 10_000;

    /// <summary>Per caregiver working in a group at all over the horizon, times the group's mean child weight.</summary>
    public double CaregiverInGroup { get; init; } = 100;

    /// <summary>Per caregiver working in a group in a week, times the group's mean child weight.</summary>
    public double CaregiverInGroupWeek { get; init; } = 20;

    /// <summary>Per child and present day without contact with a key person, times the child's weight.</summary>
    public double KeyPersonMissing { get; init; } = 10;

    /// <summary>Per child wake-up or bedtime without a key person on duty, times the child's weight.</summary>
    public double KeyMomentMissed { get; init; } = 4;

    /// <summary>Per caregiver in a group who did not work there in the history (when the group has history).</summary>
    public double NewToGroup { get; init; } = 30;

    /// <summary>Per unmet wish, times the wish's weight.</summary>
    public double Wish { get; init; } = 3;

    /// <summary>Per hour of working time away from the contract's target.</summary>
    public double ContractDeviationHour { get; init; } = 0.5;

    /// <summary>Per weekend worked beyond a fair share (half the horizon's weekends).</summary>
    public double ExtraWeekend { get; init; } = 2;

    /// <summary>Per night worked beyond a fair share (a quarter of the horizon's days).</summary>
    public double ExtraNight { get; init; } = 1;

    /// <summary>In a repair, per assignment added to or taken from the published rota: above continuity, below a missing person-shift.</summary>
    public double Change { get; init; } = 1_000;

    /// <summary>In a repair, the share of <see cref="Change"/> an added assignment costs when its caregiver is in the group's core team.</summary>
    public double CoreTeamChangeShare { get; init; } = 0.8;
}
