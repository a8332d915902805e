using System.Text.Json;
using ContinuityScheduler.Api.Contracts;
using ContinuityScheduler.Api.Data;
using ContinuityScheduler.Api.Jobs;
using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Solver;
using ContinuityScheduler.Solver.Advice;
using ContinuityScheduler.Solver.Engine;

namespace ContinuityScheduler.Api.LeaveOneOut;

/// <summary>A leave-one-out job's run on a solve worker: its request and rota read back, the view, and the job's end written from it.</summary>
public static class LeaveOneOutRun
{
    public static async Task<LeaveOneOutResult> RunAsync(IMipEngine engine, SolveJobRecord job, PlanningProblem problem, SolveOptions solve, RunningJobs.Running running)
    {
        var request = Request(job);
        var rota = RotaReader.Read(job.PublishedRotaJson!, problem).Value ?? throw new InvalidOperationException("The job's stored rota no longer reads.");
        using var ticking = new CancellationTokenSource();
        var ticker = ElapsedTicker.TickAsync(running, ticking.Token);
        try
        {
            var options = new LeaveOneOutOptions { Solve = solve, Caregivers = request.Caregivers };
            return await new LeaveOneOutSolver(engine).LeaveOneOutAsync(problem, rota, options, null, running.Cancellation.Token);
        }
        finally
        {
            await ticking.CancelAsync();
            await ticker;
        }
    }

    public static LeaveOneOutRequest Request(SolveJobRecord job) => JsonSerializer.Deserialize<LeaveOneOutRequest>(job.RequestJson, JsonDefaults.Options)!;

    /// <summary>Ends the job with its view: succeeded when every caregiver was left out, cancelled when asked (with those done so far).</summary>
    public static void Record(SolveJobRecord job, LeaveOneOutResult result)
    {
        job.State = job.CancelRequested || !result.Complete ? JobState.Cancelled : JobState.Succeeded;
        job.Error = null;
        job.SolverStatus = result.Complete ? "complete" : "partial";
        job.ResultJson = JsonSerializer.Serialize(View(Request(job).RotaId, result), JsonDefaults.Options);
        job.ElapsedSeconds = result.Seconds;
        job.Incumbent = null;
        job.Bound = null;
        job.FinishedAt = DateTime.UtcNow;
    }

    public static LeaveOneOutView View(Guid rotaId, LeaveOneOutResult result) => new(
        rotaId,
        result.UncoveredBefore,
        result.ContinuityBefore,
        LeaveOneOutWords.Before(result),
        [.. result.Caregivers.Select(r => new LeaveOneOutCaregiverView(
            r.CaregiverId,
            r.Name,
            r.ShiftsLost,
            r.Changes,
            JsonNames.Of(r.Status),
            r.Uncovered,
            r.UncoveredProven,
            r.OtherHardViolations,
            r.WeightedMeanBefore,
            r.WeightedMeanAfter,
            r.LowestBefore,
            r.LowestAfter,
            r.GroupLosingMost,
            r.ChildrenFallingMost,
            r.Seconds,
            LeaveOneOutWords.Line(r)))],
        result.Seconds,
        result.Complete,
        LeaveOneOutWords.Summary(result));
}
