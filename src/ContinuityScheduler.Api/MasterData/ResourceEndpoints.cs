using System.Text.Json.Nodes;
using ContinuityScheduler.Api.Data;
using ContinuityScheduler.Api.Http;
using ContinuityScheduler.Api.OpenApi;
using ContinuityScheduler.Api.Security;
using Microsoft.EntityFrameworkCore;

namespace ContinuityScheduler.Api.MasterData;

/// <summary>List, get, upsert by the HR system's own id, and delete — the same for every kind of master data.</summary>
public static class ResourceEndpoints
{
    public static void MapResource<TBody>(this RouteGroupBuilder institution, ResourceKind kind, string singular, TBody example)
        where TBody : notnull
    {
        var group = institution.MapGroup($"/{kind.Collection}").WithTags("Master data");

        group.MapGet("/", async (HttpContext context, SchedulerDb db, CancellationToken cancellation) =>
        {
            var id = Caller.Institution(context).Id;
            var rows = await db.Resources.AsNoTracking().Where(r => r.InstitutionId == id && r.Kind == kind.Kind).OrderBy(r => r.Key).ToListAsync(cancellation);
            return TypedResults.Ok(new JsonArray([.. rows.Select(r => (JsonNode)MasterDataSet.Parse(r.Json))]));
        })
        .WithSummary($"Lists the institution's {kind.Collection.Replace('-', ' ')}.")
        .Produces<List<TBody>>();

        group.MapGet("/{key}", async (string key, HttpContext context, SchedulerDb db, CancellationToken cancellation) =>
        {
            var row = await Find(db, Caller.Institution(context).Id, kind, key, cancellation);
            if (row is null)
            {
                return (IResult)Problems.NotFound($"{singular} '{key}'");
            }

            ETags.Set(context.Response, row.Version);
            return TypedResults.Ok(MasterDataSet.Parse(row.Json));
        })
        .WithSummary($"Gets one {singular} with its ETag.")
        .Produces<TBody>()
        .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/{key}", async (string key, HttpContext context, SchedulerDb db, CancellationToken cancellation) =>
            await Upsert(kind, singular, key, context, db, cancellation))
        .WithSummary($"Creates or replaces a {singular} under the HR system's own id (idempotent). If-Match guards against lost updates; If-None-Match: * creates only, refusing (412) an id that exists.")
        .Accepts<TBody>("application/json")
        .Produces<TBody>(StatusCodes.Status200OK)
        .Produces<TBody>(StatusCodes.Status201Created)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .WithMetadata(new ExampleBody(example));

        group.MapDelete("/{key}", async (string key, HttpContext context, SchedulerDb db, CancellationToken cancellation) =>
            await Delete(kind, singular, key, context, db, cancellation))
        .WithSummary($"Deletes a {singular}; refused (409) while other resources name it.")
        .Produces(StatusCodes.Status204NoContent)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }

    private static async Task<IResult> Upsert(ResourceKind kind, string singular, string key, HttpContext context, SchedulerDb db, CancellationToken cancellation)
    {
        var (body, problem) = await RequestBody.ReadObjectAsync(context.Request, cancellation);
        if (problem is not null)
        {
            return problem;
        }

        var institution = Caller.Institution(context);
        var set = await MasterDataSet.LoadAsync(db, institution, cancellation);
        var refusal = Refusal(kind, key, body!, set);
        if (refusal is not null)
        {
            return refusal;
        }

        body![kind.KeyProperty] = key;
        var row = await Find(db, institution.Id, kind, key, cancellation, tracked: true);
        if (row is null ? !string.IsNullOrEmpty(context.Request.Headers.IfMatch) : !ETags.Matches(context.Request, row.Version) || ETags.CreateOnly(context.Request))
        {
            return Problems.PreconditionFailed(row is null ? "none (it does not exist)" : ETags.Of(row.Version));
        }

        var (items, stop) = MasterDataWriter.Check(set.With(kind, key, body), kind.Name(key));
        if (stop is not null)
        {
            return stop;
        }

        var canonical = items![(kind, key)];
        if (await ResourceRows.StoreAsync(db, row, institution.Id, kind.Kind, key, canonical.ToJsonString(), cancellation) is not { } stored)
        {
            return Problems.PreconditionFailed("changed by another request");
        }

        ETags.Set(context.Response, stored.Version);
        return row is null
            ? TypedResults.Created($"{context.Request.PathBase}{context.Request.Path}", canonical)
            : TypedResults.Ok(canonical);
    }

    /// <summary>What the document's reader cannot see: a key that differs from the URL, a missing caregiver, nested lists sent on a caregiver.</summary>
    private static IResult? Refusal(ResourceKind kind, string key, JsonObject body, MasterDataSet set)
    {
        if (body[kind.KeyProperty] is { } given && (given.GetValueKind() != System.Text.Json.JsonValueKind.String || (string)given! != key))
        {
            return Problems.Invalid($"$.{kind.KeyProperty}", $"Must be the id in the URL, '{key}', or left out.");
        }

        if (kind.Nested)
        {
            var caregiver = body["caregiverId"];
            if (caregiver is null || caregiver.GetValueKind() != System.Text.Json.JsonValueKind.String)
            {
                return Problems.Invalid("$.caregiverId", "Required: the caregiver this belongs to.");
            }

            if (!set[ResourceKind.Caregiver].ContainsKey((string)caregiver!))
            {
                return Problems.Invalid("$.caregiverId", $"Unknown caregiver '{(string)caregiver!}'.");
            }
        }

        if (kind == ResourceKind.Caregiver)
        {
            foreach (var nested in new[] { ResourceKind.Absence, ResourceKind.Wish })
            {
                if (body.ContainsKey(nested.Property))
                {
                    return Problems.Invalid($"$.{nested.Property}", $"{nested.Collection} are resources of their own: PUT them to /{nested.Collection}/{{id}}.");
                }
            }
        }

        return null;
    }

    private static async Task<IResult> Delete(ResourceKind kind, string singular, string key, HttpContext context, SchedulerDb db, CancellationToken cancellation)
    {
        var institution = Caller.Institution(context);
        var row = await Find(db, institution.Id, kind, key, cancellation, tracked: true);
        if (row is null)
        {
            return Problems.NotFound($"{singular} '{key}'");
        }

        if (!ETags.Matches(context.Request, row.Version))
        {
            return Problems.PreconditionFailed(ETags.Of(row.Version));
        }

        var set = await MasterDataSet.LoadAsync(db, institution, cancellation);
        var changed = set.With(kind, key, null);
        var dependents = new List<ResourceRecord>();
        if (kind == ResourceKind.Caregiver)
        {
            // A caregiver's absences and wishes go with the caregiver.
            foreach (var nested in new[] { ResourceKind.Absence, ResourceKind.Wish })
            {
                foreach (var (nestedKey, _) in set[nested].Where(i => (string?)i.Value["caregiverId"] == key))
                {
                    changed = changed.With(nested, nestedKey, null);
                    dependents.Add((await Find(db, institution.Id, nested, nestedKey, cancellation, tracked: true))!);
                }
            }
        }

        var (_, stop) = MasterDataWriter.Check(changed, kind.Name(key));
        if (stop is not null)
        {
            return stop;
        }

        db.Resources.Remove(row);
        db.Resources.RemoveRange(dependents);
        return await db.TrySaveChangesAsync(cancellation) ? TypedResults.NoContent() : Problems.PreconditionFailed("changed by another request");
    }

    private static Task<ResourceRecord?> Find(SchedulerDb db, string institutionId, ResourceKind kind, string key, CancellationToken cancellation, bool tracked = false)
    {
        var query = db.Resources.Where(r => r.InstitutionId == institutionId && r.Kind == kind.Kind && r.Key == key);
        return (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(cancellation);
    }
}
