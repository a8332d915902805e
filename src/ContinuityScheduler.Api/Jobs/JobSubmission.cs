using System.Text.Json;
using System.Text.Json.Nodes;
using ContinuityScheduler.Api.Data;
using ContinuityScheduler.Api.Http;
using Microsoft.EntityFrameworkCore;

namespace ContinuityScheduler.Api.Jobs;

/// <summary>
/// Admits a job to its institution's share of the queue and stores it with the exact problem it will solve, so any
/// instance, or a restart, solves the same thing. Admission is atomic across instances: the count and the insert run in
/// one transaction that holds the institution's row (PostgreSQL) or the database's write lock (SQLite).
/// </summary>
public sealed class JobSubmission(SchedulerDb db, RunningJobs running, Microsoft.Extensions.Options.IOptions<ServiceOptions> options)
{
    private readonly JobOptions jobs = options.Value.Jobs;

    public async Task<IResult> SubmitAsync(HttpContext context, string institutionId, string kind, JsonObject request, string problemJson, string? publishedRotaJson, CancellationToken cancellation, string collection = "solve-jobs")
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellation);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM "Institutions" WHERE "Id" = {institutionId} FOR UPDATE""", cancellation);
        }

        var waiting = await db.SolveJobs.CountAsync(j => j.InstitutionId == institutionId && j.State == JobState.Queued, cancellation);
        if (waiting >= jobs.QueueCapacity)
        {
            var seconds = (int)Math.Ceiling((double)waiting / jobs.EffectiveConcurrency) * jobs.DefaultTimeLimitSeconds;
            context.Response.Headers.RetryAfter = Math.Max(1, seconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Problems.QueueFull(seconds);
        }

        var job = Queued(institutionId, kind, request, problemJson, publishedRotaJson);
        db.SolveJobs.Add(job);
        await db.SaveChangesAsync(cancellation);
        await transaction.CommitAsync(cancellation);
        running.Wake();
        return TypedResults.Accepted($"/api/v1/institutions/{institutionId}/{collection}/{job.Id}", JobViews.Of(job, null));
    }

    /// <summary>A new job waiting in the queue with the exact problem it will solve.</summary>
    public static SolveJobRecord Queued(string institutionId, string kind, JsonObject request, string problemJson, string? publishedRotaJson = null) => new()
    {
        Id = Guid.NewGuid(),
        InstitutionId = institutionId,
        Kind = kind,
        State = JobState.Queued,
        RequestJson = request.ToJsonString(),
        ProblemJson = problemJson,
        PublishedRotaJson = publishedRotaJson,
        CreatedAt = DateTime.UtcNow,
    };

    /// <summary>Checks the options every job takes; the domain's reader checks the rest.</summary>
    public IReadOnlyList<FieldError> CheckOptions(JsonObject body, params string[] others)
    {
        var errors = new List<FieldError>();
        foreach (var (name, value) in body)
        {
            switch (name)
            {
                case "timeLimitSeconds":
                    Number(errors, name, value, 1, jobs.MaxTimeLimitSeconds, integer: true);
                    break;
                case "relativeGap":
                    Number(errors, name, value, 0, 1, integer: false);
                    break;
                case "seed":
                    Number(errors, name, value, 0, int.MaxValue, integer: true);
                    break;
                default:
                    if (!others.Contains(name))
                    {
                        errors.Add(new FieldError($"$.{name}", $"Unknown property; expected one of: {string.Join(", ", others.Concat(["timeLimitSeconds", "relativeGap", "seed"]))}."));
                    }

                    break;
            }
        }

        return errors;
    }

    private static void Number(List<FieldError> errors, string name, JsonNode? value, double min, double max, bool integer)
    {
        var ok = value is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<double>(out var number)
            && number >= min && number <= max && (!integer || number == Math.Floor(number));
        if (!ok && value is not null)
        {
            errors.Add(new FieldError($"$.{name}", $"Must be {(integer ? "a whole number" : "a number")} from {min} to {max}."));
        }
    }
}
