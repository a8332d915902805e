using System.Diagnostics;
using ContinuityScheduler.Solver;
using Spectre.Console;

namespace ContinuityScheduler.Cli.Display;

/// <summary>A bar that fills as the time limit runs out, with the best rota and bound so far beside it.</summary>
public sealed class LiveSolveView(IAnsiConsole console) : ISolveView
{
    // Often enough to look alive, rare enough to cost the engine nothing.
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(200);

    public Task<T> RunAsync<T>(string title, TimeSpan limit, Func<IProgress<SolveProgress>?, Task<T>> work) =>
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var seconds = Math.Max(limit.TotalSeconds, 1);
                var task = context.AddTask(Describe(title, null), maxValue: seconds);
                var latest = new Latest();
                var clock = Stopwatch.StartNew();
                var running = work(latest);
                while (await Task.WhenAny(running, Task.Delay(Tick)) != running)
                {
                    // The limit may count work units (--deterministic), so the bar stops short of full until the end.
                    task.Value = Math.Min(clock.Elapsed.TotalSeconds, seconds * 0.99);
                    task.Description = Describe(title, latest.Value);
                }

                var result = await running;
                task.Description = Describe(title, latest.Value);
                task.Value = seconds;
                task.StopTask();
                return result;
            });

    private static string Describe(string title, SolveProgress? p) => Markup.Escape(p is null
        ? $"{title}: searching for a first rota"
        : $"{title}: incumbent {Numbers.Format(p.Incumbent)}  bound {Numbers.Format(p.Bound)}  gap {Numbers.Gap(p.Gap)}");

    /// <summary>The engine reports from its own thread; the bar reads the newest report on its tick.</summary>
    private sealed class Latest : IProgress<SolveProgress>
    {
        private SolveProgress? value;

        public SolveProgress? Value => Volatile.Read(ref value);

        public void Report(SolveProgress report) => Volatile.Write(ref value, report);
    }
}
