using ContinuityScheduler.Api.Data;
using ContinuityScheduler.Domain.Json;
using Microsoft.EntityFrameworkCore;

namespace ContinuityScheduler.Api.Rotas;

/// <summary>The dates published rotas cover, kept in step with publishing: one row a date, so two publishes of one day cannot both commit.</summary>
public static class PublishedDates
{
    /// <summary>Moves the dates of superseded rotas to the newly published one and claims its other dates (saved with the caller's changes).</summary>
    public static async Task ClaimAsync(SchedulerDb db, RotaRecord published, IReadOnlyCollection<Guid> superseded, CancellationToken cancellation)
    {
        var dates = RotaRecords.Dates(published).Select(IsoText.Of).ToHashSet(StringComparer.Ordinal);
        var held = await db.PublishedDates.Where(d => d.InstitutionId == published.InstitutionId && superseded.Contains(d.RotaId)).ToListAsync(cancellation);
        foreach (var row in held)
        {
            if (dates.Remove(row.Date))
            {
                row.RotaId = published.Id;
            }
            else
            {
                db.PublishedDates.Remove(row);
            }
        }

        db.PublishedDates.AddRange(dates.Select(date => new PublishedDateRecord { InstitutionId = published.InstitutionId, Date = date, RotaId = published.Id }));
    }

    /// <summary>Enters the dates of rotas published before schema version 3; does nothing once they are there.</summary>
    public static async Task BackfillAsync(SchedulerDb db, CancellationToken cancellation)
    {
        var covered = await db.PublishedDates.Select(d => d.RotaId).Distinct().ToListAsync(cancellation);
        var missing = await db.Rotas.Where(r => r.Status == RotaStatus.Published && !covered.Contains(r.Id)).ToListAsync(cancellation);
        foreach (var rota in missing)
        {
            db.PublishedDates.AddRange(RotaRecords.Dates(rota).Select(date => new PublishedDateRecord { InstitutionId = rota.InstitutionId, Date = IsoText.Of(date), RotaId = rota.Id }));
        }

        await db.SaveChangesAsync(cancellation);
    }
}
