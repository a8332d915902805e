using System.Text.Json.Nodes;
using ContinuityScheduler.Api.Contracts;
using ContinuityScheduler.Api.Data;
using ContinuityScheduler.Api.Http;
using ContinuityScheduler.Api.Jobs;
using ContinuityScheduler.Api.OpenApi;
using ContinuityScheduler.Api.Scenarios;
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

        group.MapPost("/", (HttpContext context, SchedulerDb db, IMemoryCache cache, JobSubmission submission, CancellationToken cancellation) =>
            StartAsync(context, db, cache, submission, null, cancellation))
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

        institution.MapPost("/scenarios/{scenarioId}/advice", (string scenarioId, HttpContext context, SchedulerDb db, IMemoryCache cache, JobSubmission submission, CancellationToken cancellation) =>
            StartAsync(context, db, cache, submission, scenarioId, cancellation))
        .WithTags("Scenarios")
        .WithSummary("Starts staffing advice for a scenario (202 + Location): as POST …/advice, on the institution's data changed by the scenario. Follow and cancel it under advice (or solve-jobs).")
        .Accepts<AdviceRequest>("application/json")
        .Produces<SolveJobView>(StatusCodes.Status202Accepted)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status429TooManyRequests)
        .WithMetadata(new ExampleBody(Examples.Advice));
    }

    /// <summary>
    /// Checks an advice request and queues it on the institution's data, or (with a scenario) on that data changed by the
    /// scenario: the candidates are read against the problem the advice will run on, so a <c>like</c> naming a caregiver
    /// the scenario removed is the request's error.
    /// </summary>
    private static async Task<IResult> StartAsync(HttpContext context, SchedulerDb db, IMemoryCache cache, JobSubmission submission, string? scenarioId, CancellationToken cancellation)
    {
        var (body, problem) = await RequestBody.ReadObjectAsync(context.Request, cancellation);
        if (problem is not null)
        {
            return problem;
        }

        var institution = Caller.Institution(context);
        ResourceRecord? scenario = null;
        if (scenarioId is not null && (scenario = await ScenarioProblem.FindAsync(db, institution.Id, scenarioId, cancellation)) is null)
        {
            return ScenarioProblem.NotFound(scenarioId);
        }

        var errors = submission.CheckOptions(body!, "horizon", "candidates", "by", "target").ToList();
        errors.AddRange(AdviceChecks.Of(body!));
        var (assembled, horizonProblem, stop) = await HorizonProblem.AssembleAsync(db, cache, institution, body!, errors, cancellation);
        if (stop is not null)
        {
            return stop;
        }

        var problemJson = assembled!.Json;
        if (scenario is not null)
        {
            var (built, misfit) = ScenarioProblem.Build(scenario, problemJson);
            if (misfit is not null)
            {
                return misfit;
            }

            horizonProblem = built;
            problemJson = DocumentWriter.Write(built!);
            body!["scenarioId"] = scenarioId;
        }

        var candidates = CandidateReader.Read(AdviceChecks.CandidatesDocument(body!), horizonProblem!);
        if (candidates.Value is null)
        {
            return Problems.Invalid(candidates.Errors.Select(e => new FieldError(e.Path, e.Message)));
        }

        return await submission.SubmitAsync(context, institution.Id, JobState.AdviceKind, body!, problemJson, null, cancellation, "advice");
    }
}
