using System.Text.Json.Nodes;
using ContinuityScheduler.Api.Http;
using ContinuityScheduler.Api.Jobs;
using ContinuityScheduler.Api.Rotas;
using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Domain.Rules;
using Microsoft.Extensions.Caching.Memory;

namespace ContinuityScheduler.Api.Data;

/// <summary>
/// The workshop's year of rotas (scripts/workshop-history.sh) published for the demo institution, as a home would have
/// published them one horizon after the other: only when every rota is one the API would take and publish for this
/// institution's data (each caregiver, shift and demand known, no hard rule broken), else none of them.
/// </summary>
public static class DemoHistory
{
    /// <summary>The rotas published, or why none were (the year was made for another home's data).</summary>
    public static async Task<(int Published, string? Refused)> ImportAsync(SchedulerDb db, IMemoryCache cache, InstitutionRecord institution, string file, CancellationToken cancellation)
    {
        if (JsonNode.Parse(await File.ReadAllTextAsync(file, cancellation)) is not JsonArray bodies)
        {
            return (0, "it is not an array of rotas");
        }

        // One transaction: a year refused half-way leaves no rota behind.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellation);
        foreach (var (node, index) in bodies.Select((b, i) => (b, i)))
        {
            var refused = await PublishAsync(db, cache, institution, node as JsonObject, cancellation);
            if (refused is not null)
            {
                db.ChangeTracker.Clear();
                await transaction.RollbackAsync(cancellation);
                return (0, $"$[{index}]: {refused}");
            }
        }

        await transaction.CommitAsync(cancellation);
        return (bodies.Count, null);
    }

    /// <summary>Stores and publishes one rota for its horizon's problem (the rotas published before it as history); null when done.</summary>
    private static async Task<string?> PublishAsync(SchedulerDb db, IMemoryCache cache, InstitutionRecord institution, JsonObject? body, CancellationToken cancellation)
    {
        if (body is null)
        {
            return "not a rota";
        }

        var errors = new List<FieldError>();
        var request = new JsonObject { ["horizon"] = body["horizon"]?.DeepClone() };
        var (assembled, problem, _) = await HorizonProblem.AssembleAsync(db, cache, institution, request, errors, cancellation);
        if (problem is null)
        {
            return "its horizon makes no planning problem of this institution's data";
        }

        var read = RotaReader.Read(new JsonObject { ["madeBy"] = body["madeBy"]?.DeepClone() ?? "manual", ["assignments"] = body["assignments"]?.DeepClone() }.ToJsonString(), problem);
        if (read.Value is not { } rota)
        {
            return $"{read.Errors[0].Path}: {read.Errors[0].Message}";
        }

        var report = RotaValidator.Validate(problem, rota);
        if (report.HardCount > 0)
        {
            return $"it breaks {report.HardCount} hard rule(s), the first {report.Violations.First(v => v.Severity == Severity.Hard).Code}";
        }

        var record = RotaRecords.Draft(institution.Id, problem, assembled!.Json, rota, null);
        db.Rotas.Add(record);
        await db.SaveChangesAsync(cancellation);
        await Publishing.PublishAsync(db, record, cancellation);
        await db.SaveChangesAsync(cancellation);
        return null;
    }
}
