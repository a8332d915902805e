using System.Text.Json.Nodes;
using ContinuityScheduler.Api.Contracts;
using ContinuityScheduler.Api.Data;
using ContinuityScheduler.Api.Http;
using ContinuityScheduler.Api.MasterData;
using ContinuityScheduler.Api.OpenApi;
using ContinuityScheduler.Api.Security;
using ContinuityScheduler.Domain.Json;
using Microsoft.EntityFrameworkCore;

namespace ContinuityScheduler.Api.Institutions;

/// <summary>Institutions: created by the administrator, read and configured by the institution itself.</summary>
public static class InstitutionEndpoints
{
    public static void MapAdministration(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/institutions").WithTags("Administration").AddEndpointFilter(Caller.RequireAdminKey);

        admin.MapPost("/", async (HttpContext context, SchedulerDb db, CancellationToken cancellation) =>
        {
            var (body, problem) = await RequestBody.ReadObjectAsync(context.Request, cancellation);
            if (problem is not null)
            {
                return (IResult)problem;
            }

            var (settings, stop) = CheckedSettings(body!, null);
            if (stop is not null)
            {
                return stop;
            }

            var id = (string)settings!["id"]!;
            if (await db.Institutions.AnyAsync(i => i.Id == id, cancellation))
            {
                return Problems.Conflict($"Institution '{id}' exists already.", [new FieldError("$.id", "Already taken.")]);
            }

            var now = DateTime.UtcNow;
            var record = new InstitutionRecord { Id = id, SettingsJson = settings.ToJsonString(), CreatedAt = now, UpdatedAt = now };
            db.Institutions.Add(record);
            if (!await db.TrySaveChangesAsync(cancellation))
            {
                return Problems.Conflict($"Institution '{id}' exists already.", [new FieldError("$.id", "Already taken.")]);
            }

            ETags.Set(context.Response, record.Version);
            return TypedResults.Created($"/api/v1/institutions/{id}", settings);
        })
        .WithSummary("Creates an institution (admin key). Its settings are the planning problem's 'institution' object.")
        .Accepts<InstitutionBody>("application/json")
        .Produces<InstitutionBody>(StatusCodes.Status201Created)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .WithMetadata(new ExampleBody(Examples.Institution));

        admin.MapGet("/", async (SchedulerDb db, CancellationToken cancellation) =>
            TypedResults.Ok(await db.Institutions.AsNoTracking().OrderBy(i => i.Id)
                .Select(i => new InstitutionSummary(i.Id, i.CreatedAt, i.UpdatedAt)).ToListAsync(cancellation)))
        .WithSummary("Lists every institution (admin key).")
        .ProducesProblem(StatusCodes.Status401Unauthorized);

        admin.MapApiKeys();
    }

    public static void MapSettings(this RouteGroupBuilder institution)
    {
        institution.MapGet("/", (HttpContext context) =>
        {
            var record = Caller.Institution(context);
            ETags.Set(context.Response, record.Version);
            return TypedResults.Ok(MasterDataSet.Parse(record.SettingsJson));
        })
        .WithTags("Institution")
        .WithSummary("Gets the institution's settings: zone, key moments, labour rules, score weights.")
        .Produces<InstitutionBody>();

        institution.MapPut("/", async (HttpContext context, SchedulerDb db, CancellationToken cancellation) =>
        {
            var (body, problem) = await RequestBody.ReadObjectAsync(context.Request, cancellation);
            if (problem is not null)
            {
                return (IResult)problem;
            }

            var record = await db.Institutions.FirstAsync(i => i.Id == Caller.Institution(context).Id, cancellation);
            if (!ETags.Matches(context.Request, record.Version))
            {
                return Problems.PreconditionFailed(ETags.Of(record.Version));
            }

            var (settings, stop) = CheckedSettings(body!, record.Id);
            if (stop is not null)
            {
                return stop;
            }

            var set = await MasterDataSet.LoadAsync(db, record, cancellation);
            var (_, conflict) = MasterDataWriter.Check(set with { Settings = settings! }, "institution");
            if (conflict is not null)
            {
                return conflict;
            }

            record.SettingsJson = settings!.ToJsonString();
            record.Version++;
            record.UpdatedAt = DateTime.UtcNow;
            if (!await db.TrySaveChangesAsync(cancellation))
            {
                return Problems.PreconditionFailed("changed by another request");
            }

            ETags.Set(context.Response, record.Version);
            return TypedResults.Ok(settings);
        })
        .WithTags("Institution")
        .WithSummary("Replaces the institution's settings. If-Match guards against lost updates.")
        .Accepts<InstitutionBody>("application/json")
        .Produces<InstitutionBody>()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .WithMetadata(new ExampleBody(Examples.Institution));
    }

    /// <summary>Settings checked and made canonical by the domain's reader, within a minimal document around them.</summary>
    public static (JsonObject? Settings, IResult? Problem) CheckedSettings(JsonObject body, string? expectedId)
    {
        if (expectedId is not null && body["id"] is { } id && (id.GetValueKind() != System.Text.Json.JsonValueKind.String || (string)id! != expectedId))
        {
            return (null, Problems.Invalid("$.id", $"Must be the id in the URL, '{expectedId}', or left out."));
        }

        if (expectedId is not null)
        {
            body["id"] = expectedId;
        }

        var empty = MasterDataSet.Empty(expectedId ?? "", body);
        var (problem, errors) = empty.Assemble(new JsonObject { ["start"] = "2026-01-05", ["weeks"] = 1 }).Read();
        var own = errors.Where(e => e.Resource == "institution").Select(e => e with { Resource = null }).ToList();
        if (own.Count > 0)
        {
            return (null, Problems.Invalid(own));
        }

        // Only the institution was under test here; an empty home is otherwise incomplete, which is not the caller's error.
        var settings = problem is null ? body : JsonNode.Parse(DocumentWriter.Write(problem))!["institution"]!.AsObject();
        return (settings.DeepClone().AsObject(), null);
    }
}
