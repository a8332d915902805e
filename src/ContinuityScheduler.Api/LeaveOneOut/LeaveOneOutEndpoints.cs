using System.Text.Json;
using System.Text.Json.Nodes;
using ContinuityScheduler.Api.Contracts;
using ContinuityScheduler.Api.Data;
using ContinuityScheduler.Api.Http;
using ContinuityScheduler.Api.Jobs;
using ContinuityScheduler.Api.OpenApi;
using ContinuityScheduler.Api.Rotas;
using ContinuityScheduler.Api.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace ContinuityScheduler.Api.LeaveOneOut;

/// <summary>The leave-one-out view as a job on the solve queue: start it for a stored rota, follow it, cancel it, read its view.</summary>
public static class LeaveOneOutEndpoints
{
    public static void MapLeaveOneOut(this RouteGroupBuilder institution)
    {
        var group = institution.MapGroup("/leave-one-out").WithTags("Leave-one-out");

        group.MapPost("/", async (HttpContext context, SchedulerDb db, IMemoryCache cache, JobSubmission submission, CancellationToken cancellation) =>
        {
            var (body, problem) = await RequestBody.ReadObjectAsync(context.Request, cancellation);
            if (problem is not null)
            {
                return (IResult)problem;
            }

            var errors = submission.CheckOptions(body!, "rotaId", "caregivers").ToList();
            var rotaId = body!["rotaId"] is JsonValue v && v.GetValueKind() == JsonValueKind.String && Guid.TryParse((string)v!, out var parsed) ? parsed : (Guid?)null;
            if (rotaId is null)
            {
                errors.Add(new FieldError("$.rotaId", "Required: the id of one of the institution's rotas (published or draft)."));
                return Problems.Invalid(errors);
            }

            var institutionId = Caller.Institution(context).Id;
            var record = await db.Rotas.AsNoTracking().FirstOrDefaultAsync(r => r.Id == rotaId && r.InstitutionId == institutionId, cancellation);
            if (record is null)
            {
                return Problems.NotFound($"rota '{rotaId}'", "$.rotaId");
            }

            var stored = StoredRota.Of(record, cache);
            errors.AddRange(CaregiverErrors(body!, stored));
            return errors.Count > 0
                ? Problems.Invalid(errors)
                : await submission.SubmitAsync(context, institutionId, JobState.LeaveOneOutKind, body!, record.ProblemJson, record.RotaJson, cancellation, "leave-one-out");
        })
        .WithSummary("Starts the leave-one-out view of a stored rota (202 + Location): for each caregiver in turn, the rota repaired without them over the horizon (fewest changes, then the most continuity), judged by the validator and the scorer. It runs on the solve queue: follow and cancel it here or under solve-jobs.")
        .Accepts<LeaveOneOutRequest>("application/json")
        .Produces<SolveJobView>(StatusCodes.Status202Accepted)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status429TooManyRequests)
        .WithMetadata(new ExampleBody(Examples.LeaveOneOut));

        group.MapJobOfKind<LeaveOneOutView, LeaveOneOutJobView>(JobState.LeaveOneOutKind, "leave-one-out", (job, view) => new LeaveOneOutJobView(job, view),
            "A leave-one-out job's state and progress and, once it has ended, its view: the rota as given, then each caregiver left out, the most harmful first, with the figures and a line in words.",
            "Cancels a leave-one-out job as a solve job is cancelled (202; poll until 'cancelled'); a running one ends with the caregivers done so far.");
    }

    /// <summary>Each caregiver named must be one of the rota's problem; none named means every caregiver.</summary>
    private static IEnumerable<FieldError> CaregiverErrors(JsonObject body, StoredRota stored)
    {
        if (!body.ContainsKey("caregivers") || body["caregivers"] is null)
        {
            yield break;
        }

        if (body["caregivers"] is not JsonArray caregivers || caregivers.Count == 0)
        {
            yield return new FieldError("$.caregivers", "Must be a non-empty array of caregiver ids, or left out for every caregiver.");
            yield break;
        }

        for (var i = 0; i < caregivers.Count; i++)
        {
            if (caregivers[i] is not JsonValue id || id.GetValueKind() != JsonValueKind.String)
            {
                yield return new FieldError($"$.caregivers[{i}]", "Must be a caregiver id (a string).");
            }
            else if (!stored.Problem.CaregiversById.ContainsKey((string)id!))
            {
                yield return new FieldError($"$.caregivers[{i}]", $"Unknown caregiver '{(string)id!}' in this rota's problem.");
            }
        }
    }
}
