using System.Diagnostics;
using ContinuityScheduler.Solver;

namespace ContinuityScheduler.Api.Jobs;

/// <summary>For jobs that report no progress of their own: the elapsed time is what a follower sees while they run.</summary>
public static class ElapsedTicker
{
    public static async Task TickAsync(RunningJobs.Running running, CancellationToken stop)
    {
        var clock = Stopwatch.StartNew();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                running.Report(new SolveProgress(clock.Elapsed.TotalSeconds, null, null));
            }
        }
        catch (OperationCanceledException)
        {
            // the job is over
        }
    }
}
