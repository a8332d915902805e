using ContinuityScheduler.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace ContinuityScheduler.Api.Rotas;

/// <summary>Publishing a draft: published rotas of overlapping dates are superseded and the rota claims its dates (saved with the caller's changes).</summary>
public static class Publishing
{
    public static async Task PublishAsync(SchedulerDb db, RotaRecord record, CancellationToken cancellation)
    {
        var dates = RotaRecords.Dates(record);
        var others = await db.Rotas.Where(r => r.InstitutionId == record.InstitutionId && r.Status == RotaStatus.Published).ToListAsync(cancellation);
        var superseded = others.Where(o => RotaRecords.Dates(o).Intersection(dates) is not null).ToList();
        foreach (var other in superseded)
        {
            other.Status = RotaStatus.Superseded;
            other.Version++;
        }

        // The dates table's key makes a concurrent publish of any of these dates fail to save (412), never both succeed.
        await PublishedDates.ClaimAsync(db, record, [.. superseded.Select(o => o.Id)], cancellation);

        record.Status = RotaStatus.Published;
        record.PublishedAt = DateTime.UtcNow;
        record.Version++;
    }
}
