using ContinuityScheduler.Solver;

namespace ContinuityScheduler.Cli.Display;

/// <summary>
/// The lines scripts and tests read: the title when <paramref name="announce"/> is set, a line per improvement when
/// <paramref name="everyImprovement"/> is, nothing else.
/// </summary>
public sealed class PlainSolveView(TextWriter writer, bool announce, bool everyImprovement) : ISolveView
{
    public Task<T> RunAsync<T>(string title, TimeSpan limit, Func<IProgress<SolveProgress>?, Task<T>> work)
    {
        if (announce)
        {
            writer.WriteLine($"{title} ...");
        }

        return work(everyImprovement ? new Progress<SolveProgress>(p => writer.WriteLine(Line(p))) : null);
    }

    public static string Line(SolveProgress p) =>
        $"  {p.Seconds,7:0.0} s  incumbent {Numbers.Format(p.Incumbent)}  bound {Numbers.Format(p.Bound)}  gap {Numbers.Gap(p.Gap)}";
}
