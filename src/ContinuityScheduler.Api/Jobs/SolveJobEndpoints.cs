using System.Text.Json.Nodes;
using ContinuityScheduler.Api.Contracts;
using ContinuityScheduler.Api.Data;
using ContinuityScheduler.Api.Http;
using ContinuityScheduler.Api.OpenApi;
using ContinuityScheduler.Api.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace ContinuityScheduler.Api.Jobs;

/// <summary>Solve jobs: start one for a horizon, watch its progress, cancel it and keep the best rota so far.</summary>
public static class SolveJobEndpoints
{
    public static void MapSolveJobs(this RouteGroupBuilder institution)
    {
        var group = institution.MapGroup("/solve-jobs").WithTags("Solve jobs");

        group.MapPost("/", async (HttpContext context, SchedulerDb db, IMemoryCache cache, JobSubmission submission, CancellationToken cancellation) =>
        {
            var (body, problem) = await RequestBody.ReadObjectAsync(context.Request, cancellation);
            if (problem is not null)
            {
                return (IResult)problem;
            }

            var errors = submission.CheckOptions(body!, "horizon", "pins").ToList();
            var institutionRecord = Caller.Institution(context);
            var (assembled, _, stop) = await HorizonProblem.AssembleAsync(db, cache, institutionRecord, body!, errors, cancellation);
            if (stop is not null)
            {
                return stop;
            }

            return await submission.SubmitAsync(context, institutionRecord.Id, JobState.SolveKind, body!, assembled!.Json, null, cancellation);
        })
        .WithSummary("Starts a solve for a horizon (202 + Location). The problem is the institution's data now, with published rotas before the horizon as history.")
        .Accepts<SolveRequest>("application/json")
        .Produces<SolveJobView>(StatusCodes.Status202Accepted)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status429TooManyRequests)
        .WithMetadata(new ExampleBody(new SolveRequest(new HorizonBody("2026-11-30", 4), 60, null, null, [new PinBody("forbid", "cg-01", "2026-12-05", null)])));

        group.MapGet("/", async (HttpContext context, SchedulerDb db, RunningJobs running, string? state, CancellationToken cancellation) =>
        {
            var id = Caller.Institution(context).Id;
            var jobs = await db.SolveJobs.AsNoTracking().Where(j => j.InstitutionId == id && (state == null || j.State == state))
                .OrderByDescending(j => j.CreatedAt).Take(100).ToListAsync(cancellation);
            return TypedResults.Ok(jobs.Select(j => JobViews.Of(j, running.ProgressOf(j.Id))).ToList());
        })
        .WithSummary("Lists the institution's latest 100 jobs, newest first, optionally in one state.")
        .Produces<List<SolveJobView>>();

        group.MapGet("/{jobId:guid}", async (Guid jobId, HttpContext context, SchedulerDb db, RunningJobs running, CancellationToken cancellation) =>
        {
            var job = await Find(db, context, jobId, cancellation);
            return job is null ? (IResult)Problems.NotFound($"solve job '{jobId}'") : TypedResults.Ok(JobViews.Of(job, running.ProgressOf(job.Id)));
        })
        .WithSummary("A job's state and progress: elapsed seconds, incumbent, bound, gap; the rota's id when done.")
        .Produces<SolveJobView>()
        .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapDelete("/{jobId:guid}", CancelAsync)
        .WithSummary("Cancels a job: a queued one never runs; a running one stops and keeps its best rota so far (202; poll until 'cancelled').")
        .Produces<SolveJobView>(StatusCodes.Status202Accepted)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>Cancels a job of the institution, whatever its kind: a queued one never runs, a running one stops wherever it runs.</summary>
    public static async Task<IResult> CancelAsync(Guid jobId, HttpContext context, SchedulerDb db, RunningJobs running, CancellationToken cancellation)
    {
        var institutionId = Caller.Institution(context).Id;
        // One conditional statement: a queued job is cancelled before any instance can claim it; a running one is flagged for its runner, wherever it runs.
        var now = DateTime.UtcNow;
        var flagged = await db.SolveJobs.Where(j => j.Id == jobId && j.InstitutionId == institutionId && (j.State == JobState.Queued || j.State == JobState.Running))
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.CancelRequested, true)
                .SetProperty(j => j.State, j => j.State == JobState.Queued ? JobState.Cancelled : j.State)
                .SetProperty(j => j.FinishedAt, j => j.State == JobState.Queued ? now : j.FinishedAt), cancellation);
        var job = await Find(db, context, jobId, cancellation);
        if (job is null)
        {
            return Problems.NotFound($"solve job '{jobId}'");
        }

        if (flagged == 0)
        {
            return Problems.Conflict($"The job is {job.State} already.");
        }

        running.Cancel(jobId); // at once when it runs here; elsewhere its runner sees the flag at its next heartbeat
        return TypedResults.Accepted($"{context.Request.PathBase}{context.Request.Path}", JobViews.Of(job, running.ProgressOf(jobId)));
    }

    /// <summary>A job of the calling institution, whatever its kind.</summary>
    public static Task<SolveJobRecord?> Find(SchedulerDb db, HttpContext context, Guid jobId, CancellationToken cancellation)
    {
        var id = Caller.Institution(context).Id;
        return db.SolveJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId && j.InstitutionId == id, cancellation);
    }
}
