using ContinuityScheduler.Api.Contracts;
using ContinuityScheduler.Api.Data;
using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Domain.Shifts;
using NodaTime.Text;

namespace ContinuityScheduler.Api.Rotas;

public static class RotaViews
{
    public static RotaSummary Summary(RotaRecord record, int assignments) =>
        new(record.Id, record.HorizonStart, record.Weeks, record.Status, record.MadeBy, assignments, record.JobId, record.CreatedAt, record.PublishedAt);

    public static RotaView Of(RotaRecord record, StoredRota stored)
    {
        var zone = stored.Problem.Institution.TimeZone;
        var shifts = new ResolvedRota(stored.Problem, stored.Rota).RotaShifts
            .OrderBy(s => s.Date).ThenBy(s => s.CaregiverId, StringComparer.Ordinal)
            .Select(s => new RotaShift(
                s.CaregiverId,
                IsoText.Of(s.Date),
                s.Demand!.Id,
                s.ShiftType.Code,
                s.GroupIds,
                OffsetDateTimePattern.ExtendedIso.Format(s.Interval.Start.InZone(zone).ToOffsetDateTime()),
                OffsetDateTimePattern.ExtendedIso.Format(s.Interval.End.InZone(zone).ToOffsetDateTime()),
                Math.Round(s.WorkingHours, 4),
                Math.Round(s.PaidHours, 4)))
            .ToList();
        return new RotaView(Summary(record, stored.Rota.Assignments.Count), shifts);
    }
}
