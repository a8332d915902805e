using System.Text.Json;
using ContinuityScheduler.Api.Contracts;
using ContinuityScheduler.Api.Data;
using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Solver;

namespace ContinuityScheduler.Api.Jobs;

/// <summary>What a job looks like to callers: stored state, with live progress when it runs in this process.</summary>
public static class JobViews
{
    public static SolveJobView Of(SolveJobRecord job, SolveProgress? live)
    {
        var progress = live is { } p
            ? new JobProgress(p.Seconds, p.Incumbent, p.Bound, p.Gap)
            : new JobProgress(job.ElapsedSeconds, job.Incumbent, job.Bound, job.Incumbent is { } i && job.Bound is { } b ? SolveResult.GapOf(i, b) : null);
        var result = job.ResultJson is { } json ? JsonSerializer.Deserialize<JobResult>(json, JsonDefaults.Options) : null;
        return new SolveJobView(job.Id, job.Kind, job.State, job.CreatedAt, job.StartedAt, job.FinishedAt, job.Attempts, job.CancelRequested, progress, result, job.RotaId, job.Error);
    }

    public static JobResult ResultOf(SolveResult result) => new(
        JsonNames.Of(result.Status),
        result.Objective.Total,
        result.Bound,
        result.Gap,
        result.FirstSolutionSeconds,
        result.Seconds,
        result.Validation.HardCount,
        result.UncoveredMinimum,
        result.Diagnosis);
}
