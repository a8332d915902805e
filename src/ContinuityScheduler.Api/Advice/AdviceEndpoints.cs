using System.Text.Json.Nodes;
using ContinuityScheduler.Api.Contracts;
using ContinuityScheduler.Api.Data;
using ContinuityScheduler.Api.Http;
using ContinuityScheduler.Api.Jobs;
using ContinuityScheduler.Api.OpenApi;
using ContinuityScheduler.Api.Security;
using ContinuityScheduler.Domain.Json;
using Microsoft.Extensions.Caching.Memory;

namespace ContinuityScheduler.Api.Advice;

/// <summary>Staffing advice as a job on the solve queue: start it for a horizon and candidates, follow it, cancel it, read its advice.</summary>
public static class AdviceEndpoints
{
    public static void MapAdvice(this RouteGroupBuilder institution)
    {
        var group = institution.MapGroup("/advice").WithTags("Staffing advice");

        group.MapPost("/", async (HttpContext context, SchedulerDb db, IMemoryCache cache, JobSubmission submission, CancellationToken cancellation) =>
        {
            var (body, problem) = await RequestBody.ReadObjectAsync(context.Request, cancellation);
            if (problem is not null)
            {
                return (IResult)problem;
            }

            var errors = submission.CheckOptions(body!, "horizon", "candidates", "by", "target").ToList();
            errors.AddRange(AdviceChecks.Of(body!));
            var institutionRecord = Caller.Institution(context);
            var (assembled, horizonProblem, stop) = await HorizonProblem.AssembleAsync(db, cache, institutionRecord, body!, errors, cancellation);
            if (stop is not null)
            {
                return stop;
            }

            var candidates = CandidateReader.Read(AdviceChecks.CandidatesDocument(body!), horizonProblem!);
            if (candidates.Value is null)
            {
                return Problems.Invalid(candidates.Errors.Select(e => new FieldError(e.Path, e.Message)));
            }

            return await submission.SubmitAsync(context, institutionRecord.Id, JobState.AdviceKind, body!, assembled!.Json, null, cancellation, "advice");
        })
        .WithSummary("Starts staffing advice for a horizon (202 + Location): the fewest (or cheapest) of the candidate hires that leave no post uncovered and reach the target. It runs on the solve queue: follow and cancel it here or under solve-jobs.")
        .Accepts<AdviceRequest>("application/json")
        .Produces<SolveJobView>(StatusCodes.Status202Accepted)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status429TooManyRequests)
        .WithMetadata(new ExampleBody(Examples.Advice));

        group.MapJobOfKind<AdviceOutcome, AdviceJobView>(JobState.AdviceKind, "advice", (job, advice) => new AdviceJobView(job, advice),
            "An advice job's state and progress and, once it has ended, its advice: status, hires, figures before and after, diagnosis, and the rota that reaches it with the problem it is valid for.",
            "Cancels an advice job as a solve job is cancelled (202; poll until 'cancelled'); a running one ends with the advice found so far.");
    }
}
