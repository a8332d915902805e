using ContinuityScheduler.Solver;

namespace ContinuityScheduler.Cli.Display;

/// <summary>How a long solve shows itself while it runs: a live bar on a terminal, plain lines elsewhere.</summary>
public interface ISolveView
{
    /// <summary>Runs <paramref name="work"/> under <paramref name="title"/>, showing its progress until it ends.</summary>
    Task<T> RunAsync<T>(string title, TimeSpan limit, Func<IProgress<SolveProgress>?, Task<T>> work);
}
