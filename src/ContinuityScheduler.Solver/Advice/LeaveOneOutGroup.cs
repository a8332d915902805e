namespace ContinuityScheduler.Solver.Advice;

/// <summary>A group's weighted mean score (under-threes twice) with the rota as given and with the repair without one caregiver.</summary>
public sealed record LeaveOneOutGroup(string GroupId, string Name, double Before, double After)
{
    public double Drop => Before - After;
}
