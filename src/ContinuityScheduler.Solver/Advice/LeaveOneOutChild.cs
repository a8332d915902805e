namespace ContinuityScheduler.Solver.Advice;

/// <summary>One child's continuity score with the rota as given (<see cref="Before"/>) and with the repair without one caregiver (<see cref="After"/>).</summary>
public sealed record LeaveOneOutChild(string ChildId, string GroupId, bool UnderThree, double Before, double After)
{
    public double Drop => Before - After;
}
