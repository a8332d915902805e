using System.Text.Json;
using ContinuityScheduler.Api.Contracts;
using ContinuityScheduler.Api.Data;
using ContinuityScheduler.Api.Http;
using ContinuityScheduler.Domain.Json;

namespace ContinuityScheduler.Api.Jobs;

/// <summary>Reading and cancelling a job of one kind with its own answer (advice, leave-one-out): one mapping for every such kind.</summary>
public static class JobKindEndpoints
{
    /// <summary>
    /// <c>GET /{jobId}</c>: the job as a solve job looks and, once ended, its answer (<typeparamref name="TAnswer"/> read from
    /// the job's stored result) in <typeparamref name="TView"/>; 404 for another kind. <c>DELETE /{jobId}</c> cancels it like a solve.
    /// </summary>
    public static void MapJobOfKind<TAnswer, TView>(this RouteGroupBuilder group, string kind, string noun, Func<SolveJobView, TAnswer?, TView> view, string readSummary, string cancelSummary)
        where TAnswer : class
        where TView : notnull
    {
        group.MapGet("/{jobId:guid}", async (Guid jobId, HttpContext context, SchedulerDb db, RunningJobs running, CancellationToken cancellation) =>
        {
            var job = await SolveJobEndpoints.Find(db, context, jobId, cancellation);
            if (job is null || job.Kind != kind)
            {
                return (IResult)Problems.NotFound($"{noun} job '{jobId}'");
            }

            var answer = job.ResultJson is { } json ? JsonSerializer.Deserialize<TAnswer>(json, JsonDefaults.Options) : null;
            return TypedResults.Ok(view(JobViews.Of(job, running.ProgressOf(job.Id)), answer));
        })
        .WithSummary(readSummary)
        .Produces<TView>()
        .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapDelete("/{jobId:guid}", SolveJobEndpoints.CancelAsync)
        .WithSummary(cancelSummary)
        .Produces<SolveJobView>(StatusCodes.Status202Accepted)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
