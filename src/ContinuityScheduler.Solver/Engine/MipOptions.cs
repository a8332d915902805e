namespace ContinuityScheduler.Solver.Engine;

/// <summary>How long and how hard the engine may work on one model.</summary>
public sealed record MipOptions
{
    /// <summary>A deadline: the engine returns its best within this time (and a second).</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Stop when the gap between incumbent and bound falls below this share (0.01 = 1 %).</summary>
    public double RelativeGap { get; init; }

    /// <summary>Search workers; 0 chooses by the model's size.</summary>
    public int Threads { get; init; }

    public int Seed { get; init; } = 1;

    /// <summary>
    /// Repeatable: one worker, and the limit counts the engine's deterministic work units instead of seconds, so the
    /// same model and options give the same answer on any machine under any load (for tests). Measured: several workers,
    /// even interleaved in a fixed order, can give two runs two answers.
    /// </summary>
    public bool Deterministic { get; init; }

    /// <summary>Values for every variable to start from (a hint the engine repairs when it breaks a row); null for none.</summary>
    public IReadOnlyList<double>? Start { get; init; }

    /// <summary>Share of the time each objective level before the last may take at most; what it leaves goes on.</summary>
    public double LevelShare { get; init; } = 0.2;
}
