namespace ContinuityScheduler.Solver.Advice;

/// <summary>What a caller asks of advice: the solve's settings (its time limit covers the whole advice) and what to minimise.</summary>
public sealed record AdviceOptions
{
    public SolveOptions Solve { get; init; } = new();

    public HiresBy By { get; init; } = HiresBy.Count;

    /// <summary>What the hires must reach: no uncovered post, and the score bounds set here.</summary>
    public AdviceTarget Target { get; init; } = new();

    /// <summary>Share of the time limit for the plain solve that gives the "before" figures and the advice's start.</summary>
    public double BeforeShare { get; init; } = 0.25;

    /// <summary>Share of the advice's time each level before the rota's objective may take (uncovered, then hires): the hires matter most.</summary>
    public double LevelShare { get; init; } = 0.6;
}
