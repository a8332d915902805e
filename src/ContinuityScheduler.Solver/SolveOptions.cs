namespace ContinuityScheduler.Solver;

/// <summary>What a caller asks of a solve: a time limit that is a deadline, a gap to stop at, workers, a seed, and a repeatable mode.</summary>
public sealed record SolveOptions
{
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Stop once the rota is proven within this share of the best possible (0.01 = 1 %).</summary>
    public double RelativeGap { get; init; }

    /// <summary>The engine's search workers; 0 lets the solver choose by the problem's size.</summary>
    public int Threads { get; init; }

    public int Seed { get; init; } = 1;

    /// <summary>
    /// The same answer on any machine under any load: one worker, and the time limit counts the engine's deterministic
    /// work units, not seconds (for tests and reproducible comparisons; a work unit is a second or two here).
    /// </summary>
    public bool Deterministic { get; init; }

    /// <summary>A rota to start from instead of the construction's, such as the best of an interrupted run of the same problem.</summary>
    public Domain.Model.Rota? Start { get; init; }

    /// <summary>The engine's options for one model: these settings, a time limit and the values to start from.</summary>
    internal Engine.MipOptions ForEngine(TimeSpan timeLimit, IReadOnlyList<double> start) => new()
    {
        TimeLimit = timeLimit,
        RelativeGap = RelativeGap,
        Threads = Threads,
        Seed = Seed,
        Deterministic = Deterministic,
        Start = start,
    };
}
