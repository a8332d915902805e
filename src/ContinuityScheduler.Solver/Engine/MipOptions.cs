namespace ContinuityScheduler.Solver.Engine;

/// <summary>How long and how hard an engine may work on one model.</summary>
public sealed record MipOptions
{
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Stop when the gap between incumbent and bound falls below this share (0.01 = 1 %).</summary>
    public double RelativeGap { get; init; }

    public int Threads { get; init; } = Environment.ProcessorCount;

    public int Seed { get; init; } = 1;

    /// <summary>Only the bound of the relaxation at the root, no search for a solution: a quick lower bound for the gap.</summary>
    public bool BoundOnly { get; init; }

    /// <summary>Values for every variable to start from; null for none.</summary>
    public IReadOnlyList<double>? Start { get; init; }
}
