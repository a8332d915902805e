using System.Text.Json;
using System.Text.Json.Nodes;
using ContinuityScheduler.Api.Contracts;
using ContinuityScheduler.Api.Data;
using ContinuityScheduler.Api.Http;
using ContinuityScheduler.Api.OpenApi;
using ContinuityScheduler.Api.Security;
using Microsoft.EntityFrameworkCore;

namespace ContinuityScheduler.Api.Institutions;

/// <summary>An institution's API keys, managed with the admin key. A key is shown once, when made; only its hash is stored.</summary>
public static class ApiKeyEndpoints
{
    public static void MapApiKeys(this RouteGroupBuilder admin)
    {
        admin.MapPost("/{institutionId}/api-keys", async (string institutionId, HttpContext context, SchedulerDb db, CancellationToken cancellation) =>
        {
            string? label = null;
            if (context.Request.ContentLength != 0 && context.Request.ContentType is not null)
            {
                var (body, problem) = await RequestBody.ReadObjectAsync(context.Request, cancellation);
                if (problem is not null)
                {
                    return (IResult)problem;
                }

                (label, var errors) = Label(body!);
                if (errors.Count > 0)
                {
                    return Problems.Invalid(errors);
                }
            }

            if (!await db.Institutions.AnyAsync(i => i.Id == institutionId, cancellation))
            {
                return Problems.NotFound($"institution '{institutionId}'");
            }

            var (record, key) = await CreateAsync(db, institutionId, label, cancellation);
            return TypedResults.Created($"/api/v1/institutions/{institutionId}/api-keys/{record.Id}", new ApiKeyCreated(record.Id, key, record.Label, record.CreatedAt));
        })
        .WithSummary("Makes a new API key for an institution (admin key). The key is in this answer only. The body, optional, may give it a label.")
        .Accepts<ApiKeyRequest>("application/json")
        .Produces<ApiKeyCreated>(StatusCodes.Status201Created)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .WithMetadata(new ExampleBody(new ApiKeyRequest("HR system")));

        admin.MapGet("/{institutionId}/api-keys", async (string institutionId, SchedulerDb db, CancellationToken cancellation) =>
            TypedResults.Ok(await db.ApiKeys.AsNoTracking().Where(k => k.InstitutionId == institutionId).OrderBy(k => k.CreatedAt)
                .Select(k => new ApiKeyInfo(k.Id, k.Label, k.CreatedAt, k.RevokedAt)).ToListAsync(cancellation)))
        .WithSummary("Lists an institution's API keys without the keys themselves (admin key).");

        admin.MapDelete("/{institutionId}/api-keys/{keyId}", async (string institutionId, string keyId, SchedulerDb db, CancellationToken cancellation) =>
        {
            var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.InstitutionId == institutionId && k.Id == keyId, cancellation);
            if (key is null)
            {
                return (IResult)Problems.NotFound($"API key '{keyId}' of institution '{institutionId}'");
            }

            key.RevokedAt ??= DateTime.UtcNow;
            await db.SaveChangesAsync(cancellation);
            return TypedResults.NoContent();
        })
        .WithSummary("Revokes an API key at once (admin key).")
        .Produces(StatusCodes.Status204NoContent)
        .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>The key's label: at most 200 characters of text without control characters.</summary>
    private static (string? Label, List<FieldError> Errors) Label(JsonObject body)
    {
        var errors = body.Where(p => p.Key != "label").Select(p => new FieldError($"$.{p.Key}", "Unknown property; expected: label.")).ToList();
        var node = body["label"];
        if (node is null)
        {
            return (null, errors);
        }

        if (node.GetValueKind() != JsonValueKind.String)
        {
            errors.Add(new FieldError("$.label", $"Must be a string, found {node.GetValueKind().ToString().ToLowerInvariant()}."));
            return (null, errors);
        }

        var label = node.GetValue<string>();
        if (label.Length > 200 || label.Any(char.IsControl))
        {
            errors.Add(new FieldError("$.label", "Must be at most 200 characters without control characters such as line breaks."));
        }

        return (label, errors);
    }

    public static async Task<(ApiKeyRecord Record, string Key)> CreateAsync(SchedulerDb db, string institutionId, string? label, CancellationToken cancellation, string? key = null)
    {
        key ??= ApiKeys.New();
        var record = new ApiKeyRecord
        {
            Id = Guid.NewGuid().ToString("N")[..12],
            InstitutionId = institutionId,
            Hash = ApiKeys.Hash(key),
            Label = label,
            CreatedAt = DateTime.UtcNow,
        };
        db.ApiKeys.Add(record);
        await db.SaveChangesAsync(cancellation);
        return (record, key);
    }
}
