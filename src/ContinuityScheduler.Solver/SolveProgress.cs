namespace ContinuityScheduler.Solver;

/// <summary>A running solve: seconds so far, the best objective found, the best bound proved.</summary>
public sealed record SolveProgress(double Seconds, double? Incumbent, double? Bound)
{
    public double? Gap => Incumbent is { } i && Bound is { } b ? SolveResult.GapOf(i, b) : null;
}
