namespace ContinuityScheduler.Solver.Engine;

/// <summary>Where a running solve stands: seconds since it started, the best objective found and the best bound proved.</summary>
public sealed record MipProgress(double Seconds, double? Incumbent, double? Bound);
