using System.Text.Json.Nodes;
using ContinuityScheduler.Api.Data;
using ContinuityScheduler.Api.Http;
using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Domain.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace ContinuityScheduler.Api.MasterData;

/// <summary>
/// Checks a change to master data by reading the whole institution, changed, with the domain's strict reader:
/// errors in the changed item are the caller's (400), errors it causes elsewhere (a group still used by a demand) are conflicts (409).
/// </summary>
public static class MasterDataWriter
{
    /// <summary>The canonical items of a changed set, or the problem that stops the change.</summary>
    public static (Dictionary<(ResourceKind Kind, string Key), JsonObject>? Items, ProblemHttpResult? Problem) Check(MasterDataSet changed, string? changedResource)
    {
        var assembled = changed.Assemble(HorizonOfThisWeek(changed.Settings));
        var (problem, errors) = assembled.Read();
        if (problem is null)
        {
            var own = errors.Where(e => e.Resource == changedResource).Select(e => e with { Resource = null }).ToList();
            return (null, own.Count > 0
                ? Problems.Invalid([.. own, .. errors.Where(e => e.Resource != changedResource)])
                : Problems.Conflict("The change would leave other resources invalid; each is listed in 'errors'.", errors));
        }

        var written = JsonNode.Parse(DocumentWriter.Write(problem))!;
        var items = changed.Canonical(written).ToDictionary(i => (i.Kind, i.Key), i => i.Item);
        return (items, null);
    }

    /// <summary>Master data does not depend on a horizon; checking needs one, so take the current week in the home's zone.</summary>
    private static JsonObject HorizonOfThisWeek(JsonObject settings)
    {
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull((string?)settings["timeZone"] ?? "") ?? DateTimeZone.Utc;
        var today = SystemClock.Instance.GetCurrentInstant().InZone(zone).Date;
        return new JsonObject { ["start"] = IsoText.Of(Week.StartOf(today)), ["weeks"] = 1 };
    }
}
