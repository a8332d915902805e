using System.Text.Json.Nodes;
using ContinuityScheduler.Api.Data;
using ContinuityScheduler.Api.MasterData;
using ContinuityScheduler.Api.Rotas;
using ContinuityScheduler.Domain.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using NodaTime;
using NodaTime.Text;

namespace ContinuityScheduler.Api.Jobs;

/// <summary>
/// The history of a new horizon: the shifts of published rotas (and of the imported history where no published rota speaks)
/// in the five weeks before it, so rest, consecutive-day and night rules carry over and last week's teams stay.
/// </summary>
public static class HistoryBuilder
{
    public const int WindowDays = 35;

    public static async Task<JsonObject?> ForAsync(SchedulerDb db, IMemoryCache cache, MasterDataSet set, LocalDate start, CancellationToken cancellation)
    {
        var window = start.PlusDays(-WindowDays);
        var startText = IsoText.Of(start);
        var published = await db.Rotas.AsNoTracking()
            .Where(r => r.InstitutionId == set.InstitutionId && r.Status == RotaStatus.Published && string.Compare(r.HorizonStart, startText) < 0)
            .ToListAsync(cancellation);

        var caregivers = set[ResourceKind.Caregiver];
        var shiftTypes = set[ResourceKind.ShiftType];
        var groups = set[ResourceKind.Group];
        var shifts = new List<(string Caregiver, LocalDate Date, string ShiftType, string[] Groups)>();
        var covered = new List<DateInterval>();
        // Only rotas reaching into the window are read; older ones still say from when shifts are known.
        foreach (var record in published.Where(r => RotaRecords.Dates(r).End >= window))
        {
            var stored = StoredRota.Of(record, cache);
            covered.Add(stored.Problem.Horizon.Dates);
            foreach (var a in stored.Rota.Assignments.Where(a => a.Date >= window && a.Date < start))
            {
                var demand = stored.Problem.DemandsById[a.DemandId];
                shifts.Add((a.CaregiverId, a.Date, demand.ShiftType, [.. demand.GroupIds]));
            }
        }

        var imported = set.History;
        LocalDate? importedFrom = imported?["from"] is { } f ? LocalDatePattern.Iso.Parse((string)f!).Value : null;
        foreach (var shift in imported?["shifts"]?.AsArray() ?? [])
        {
            var date = LocalDatePattern.Iso.Parse((string)shift!["date"]!).Value;
            if (date >= window && date < start && !covered.Any(c => c.Contains(date)))
            {
                shifts.Add(((string)shift["caregiverId"]!, date, (string)shift["shiftType"]!, [.. shift["groupIds"]!.AsArray().Select(g => (string)g!)]));
            }
        }

        var known = published.Select(r => RotaRecords.Dates(r).Start).Concat(importedFrom is { } i ? [i] : []).ToList();
        if (known.Count == 0)
        {
            return null;
        }

        var from = LocalDate.Max(window, known.Min());
        // People, shift types and groups deleted since are left out: the new problem could not name them.
        var kept = shifts
            .Where(s => s.Date >= from && caregivers.ContainsKey(s.Caregiver) && shiftTypes.ContainsKey(s.ShiftType))
            .Select(s => s with { Groups = [.. s.Groups.Where(groups.ContainsKey)] })
            .Where(s => s.Groups.Length > 0)
            .OrderBy(s => s.Date).ThenBy(s => s.Caregiver, StringComparer.Ordinal);
        var weeklyHours = (imported?["weeklyHours"]?.AsArray() ?? []).Where(w => caregivers.ContainsKey((string)w!["caregiverId"]!));
        return new JsonObject
        {
            ["from"] = IsoText.Of(from),
            ["shifts"] = new JsonArray([.. kept.Select(s => (JsonNode)new JsonObject
            {
                ["caregiverId"] = s.Caregiver,
                ["date"] = IsoText.Of(s.Date),
                ["shiftType"] = s.ShiftType,
                ["groupIds"] = new JsonArray([.. s.Groups.Select(g => (JsonNode)g)]),
            })]),
            ["weeklyHours"] = new JsonArray([.. weeklyHours.Select(w => w!.DeepClone())]),
        };
    }
}
