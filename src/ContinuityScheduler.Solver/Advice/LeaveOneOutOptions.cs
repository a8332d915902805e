namespace ContinuityScheduler.Solver.Advice;

/// <summary>What a caller asks of the leave-one-out view: the solve's settings (its time limit covers every caregiver), whom to leave out, and how many children to name.</summary>
public sealed record LeaveOneOutOptions
{
    public SolveOptions Solve { get; init; } = new();

    /// <summary>The caregivers to leave out one at a time; every caregiver of the problem when null.</summary>
    public IReadOnlyList<string>? Caregivers { get; init; }

    /// <summary>How many of the children whose scores fall most each caregiver's record names.</summary>
    public int ChildrenShown { get; init; } = 3;
}
