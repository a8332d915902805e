using Microsoft.EntityFrameworkCore;

namespace ContinuityScheduler.Api.Data;

/// <summary>Writes of the stored JSON resources (master data, scenarios): checked whole before, canonical text only.</summary>
public static class ResourceRows
{
    /// <summary>
    /// Stores the text in the row read earlier (null: there was none): a new row, or the next version of the old one when
    /// its text changed. Null when another request changed or created it between that read and this write.
    /// </summary>
    public static async Task<ResourceRecord?> StoreAsync(SchedulerDb db, ResourceRecord? row, string institutionId, string kind, string key, string json, CancellationToken cancellation)
    {
        if (row is null)
        {
            row = new ResourceRecord { InstitutionId = institutionId, Kind = kind, Key = key, Json = json, UpdatedAt = DateTime.UtcNow };
            db.Resources.Add(row);
        }
        else if (row.Json != json)
        {
            row.Json = json;
            row.Version++;
            row.UpdatedAt = DateTime.UtcNow;
        }

        return await db.TrySaveChangesAsync(cancellation) ? row : null;
    }
}
