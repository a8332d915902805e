using System.Text.Json.Nodes;
using ContinuityScheduler.Api.Contracts;
using ContinuityScheduler.Api.Data;
using ContinuityScheduler.Api.Http;
using ContinuityScheduler.Api.OpenApi;
using ContinuityScheduler.Api.Security;
using ContinuityScheduler.Domain.Json;
using Microsoft.EntityFrameworkCore;

namespace ContinuityScheduler.Api.MasterData;

/// <summary>Bulk import of a whole planning-problem document: it replaces the institution's settings and master data in one transaction.</summary>
public static class ImportEndpoints
{
    public static void MapImport(this RouteGroupBuilder institution)
    {
        institution.MapPost("/import", async (HttpContext context, SchedulerDb db, CancellationToken cancellation) =>
        {
            var (text, problem) = await RequestBody.ReadTextAsync(context.Request, cancellation);
            if (problem is not null)
            {
                return (IResult)problem;
            }

            var read = ProblemReader.Read(text!);
            if (read.Value is not { } planning)
            {
                return Problems.Invalid(read.Errors.Select(e => new FieldError(e.Path, e.Message)));
            }

            var institutionId = Caller.Institution(context).Id;
            if (planning.Institution.Id != institutionId)
            {
                return Problems.Invalid("$.institution.id", $"Must be this institution's id, '{institutionId}'.");
            }

            // Everything is checked before the write; only the canonical document is stored.
            var ignored = new[] { "horizon", "pins" }.Where(JsonNode.Parse(text!)!.AsObject().ContainsKey).ToList();
            var summary = await ReplaceAsync(db, institutionId, JsonNode.Parse(DocumentWriter.Write(planning))!.AsObject(), cancellation);
            return TypedResults.Ok(summary with { Ignored = ignored });
        })
        .WithTags("Master data")
        .WithSummary("Imports a whole planning-problem document (docs/formats.md): replaces settings, shift types, groups, children, caregivers with their absences and wishes, demands and history. The horizon and pins belong to solve jobs and are not stored.")
        .Accepts<PlanningProblemBody>("application/json")
        .WithMetadata(new ExampleBody(Examples.PlanningProblem))
        .Produces<ImportSummary>()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
    }

    /// <summary>Stores a canonical document as the institution's data; everything or nothing.</summary>
    public static async Task<ImportSummary> ReplaceAsync(SchedulerDb db, string institutionId, JsonObject document, CancellationToken cancellation)
    {
        var now = DateTime.UtcNow;
        var rows = new List<ResourceRecord>();
        void Add(string kind, string key, JsonNode node) =>
            rows.Add(new ResourceRecord { InstitutionId = institutionId, Kind = kind, Key = key, Json = node.ToJsonString(), UpdatedAt = now });

        foreach (var kind in ResourceKind.TopLevel)
        {
            foreach (var item in document[kind.Property]!.AsArray().Select(i => i!.AsObject()))
            {
                var key = (string)item[kind.KeyProperty]!;
                if (kind == ResourceKind.Caregiver)
                {
                    foreach (var nested in new[] { ResourceKind.Absence, ResourceKind.Wish })
                    {
                        var number = 0;
                        foreach (var part in item[nested.Property]?.AsArray() ?? [])
                        {
                            var id = $"{key}-{nested.Kind}-{++number}";
                            Add(nested.Kind, id, MasterDataSet.Unnested(id, key, part!.AsObject()));
                        }
                    }

                    item.Remove("absences");
                    item.Remove("wishes");
                }

                Add(kind.Kind, key, item);
            }
        }

        var history = document["history"] as JsonObject;
        if (history is not null)
        {
            Add(ResourceKind.HistoryKind, ResourceKind.HistoryKind, history);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellation);
        // Master data and history only: the institution's scenarios outlive an import.
        var replaced = ResourceKind.All.Select(k => k.Kind).Append(ResourceKind.HistoryKind).ToList();
        await db.Resources.Where(r => r.InstitutionId == institutionId && replaced.Contains(r.Kind)).ExecuteDeleteAsync(cancellation);
        var record = await db.Institutions.FirstAsync(i => i.Id == institutionId, cancellation);
        record.SettingsJson = document["institution"]!.ToJsonString();
        record.Version++;
        record.UpdatedAt = now;
        db.Resources.AddRange(rows);
        await db.SaveChangesAsync(cancellation);
        await transaction.CommitAsync(cancellation);
        return new ImportSummary(
            institutionId,
            rows.GroupBy(r => r.Kind).ToDictionary(g => ResourceKind.All.FirstOrDefault(k => k.Kind == g.Key)?.Collection ?? g.Key, g => g.Count()),
            history is not null,
            []);
    }
}
