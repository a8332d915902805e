namespace ContinuityScheduler.Solver;

/// <summary>What a caller asks of a solve: a time limit that is a deadline, a gap to stop at, threads and a seed.</summary>
public sealed record SolveOptions
{
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Stop once the rota is proven within this share of the best possible (0.01 = 1 %).</summary>
    public double RelativeGap { get; init; }

    public int Threads { get; init; } = Environment.ProcessorCount;

    public int Seed { get; init; } = 1;
}
