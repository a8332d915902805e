using ContinuityScheduler.Api.Data;
using ContinuityScheduler.Api.Http;
using ContinuityScheduler.Api.Security;
using ContinuityScheduler.Domain.Shifts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using NodaTime;

namespace ContinuityScheduler.Api.Rotas;

/// <summary>
/// A caregiver's shifts in every published rota as an iCalendar (RFC 5545) feed: with the institution's key, or at a
/// secret feed address of the caregiver's own that a calendar app can subscribe to (it cannot send headers). A feed
/// address is 256 random bits, kept only as its hash, replaced when a new one is made and revocable; never the API key.
/// </summary>
public static class CalendarFeeds
{
    public static void MapCalendarFeeds(this RouteGroupBuilder institution, RouteGroupBuilder api)
    {
        institution.MapGet("/caregivers/{caregiverId}/calendar.ics", async (string caregiverId, HttpContext context, SchedulerDb db, IMemoryCache cache, CancellationToken cancellation) =>
            await CalendarAsync(db, cache, Caller.Institution(context).Id, caregiverId, cancellation))
        .WithTags("Rotas")
        .WithSummary("iCalendar (RFC 5545) feed of a caregiver's shifts in every published rota.")
        .Produces<string>(StatusCodes.Status200OK, "text/calendar")
        .ProducesProblem(StatusCodes.Status404NotFound);

        institution.MapPost("/caregivers/{caregiverId}/calendar-feed", async (string caregiverId, HttpContext context, SchedulerDb db, CancellationToken cancellation) =>
        {
            var id = Caller.Institution(context).Id;
            if (!await KnownAsync(db, id, caregiverId, cancellation))
            {
                return (IResult)Problems.NotFound($"caregiver '{caregiverId}'");
            }

            // One live address a caregiver: a new one ends the old, in one transaction.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellation);
            await Revoke(db, id, caregiverId, cancellation);
            var token = ApiKeys.New();
            db.CalendarFeeds.Add(new CalendarFeedRecord { Hash = ApiKeys.Hash(token), InstitutionId = id, CaregiverId = caregiverId, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync(cancellation);
            await transaction.CommitAsync(cancellation);
            var url = $"/api/v1/calendar-feeds/{token}";
            return TypedResults.Created(url, new CalendarFeedView(caregiverId, url, DateTime.UtcNow));
        })
        .WithTags("Rotas")
        .WithSummary("Makes the caregiver's secret calendar feed address (shown once; the previous one stops working): what a calendar app subscribes to without a key.")
        .Produces<CalendarFeedView>(StatusCodes.Status201Created)
        .ProducesProblem(StatusCodes.Status404NotFound);

        institution.MapDelete("/caregivers/{caregiverId}/calendar-feed", async (string caregiverId, HttpContext context, SchedulerDb db, CancellationToken cancellation) =>
            await Revoke(db, Caller.Institution(context).Id, caregiverId, cancellation) == 0
                ? (IResult)Problems.NotFound($"calendar feed of caregiver '{caregiverId}'")
                : TypedResults.NoContent())
        .WithTags("Rotas")
        .WithSummary("Revokes the caregiver's calendar feed address.")
        .Produces(StatusCodes.Status204NoContent)
        .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/calendar-feeds/{token}", async (string token, SchedulerDb db, IMemoryCache cache, CancellationToken cancellation) =>
        {
            var hash = ApiKeys.Hash(token);
            var feed = await db.CalendarFeeds.AsNoTracking().FirstOrDefaultAsync(f => f.Hash == hash && f.RevokedAt == null, cancellation);
            return feed is null
                ? (IResult)Problems.NotFound("calendar feed at this address (it may have been revoked)")
                : await CalendarAsync(db, cache, feed.InstitutionId, feed.CaregiverId, cancellation);
        })
        .WithTags("Rotas")
        .WithSummary("A caregiver's calendar at their secret feed address, no key needed (the address is the secret).")
        .Produces<string>(StatusCodes.Status200OK, "text/calendar")
        .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> CalendarAsync(SchedulerDb db, IMemoryCache cache, string institutionId, string caregiverId, CancellationToken cancellation)
    {
        if (!await KnownAsync(db, institutionId, caregiverId, cancellation))
        {
            return Problems.NotFound($"caregiver '{caregiverId}'");
        }

        var published = await db.Rotas.AsNoTracking().Where(r => r.InstitutionId == institutionId && r.Status == RotaStatus.Published).ToListAsync(cancellation);
        var shifts = published.SelectMany(r =>
        {
            var stored = StoredRota.Of(r, cache);
            var names = stored.Problem.GroupsById;
            return new ResolvedRota(stored.Problem, stored.Rota).RotaShifts
                .Where(s => s.CaregiverId == caregiverId)
                .Select(s => (r.Id, s, string.Join(" + ", s.GroupIds.Select(g => names[g].Name))));
        });
        return TypedResults.Text(ICalendar.Write(caregiverId, shifts, SystemClock.Instance.GetCurrentInstant()), "text/calendar; charset=utf-8");
    }

    private static Task<bool> KnownAsync(SchedulerDb db, string institutionId, string caregiverId, CancellationToken cancellation) =>
        db.Resources.AnyAsync(r => r.InstitutionId == institutionId && r.Kind == MasterData.ResourceKind.Caregiver.Kind && r.Key == caregiverId, cancellation);

    private static Task<int> Revoke(SchedulerDb db, string institutionId, string caregiverId, CancellationToken cancellation) =>
        db.CalendarFeeds.Where(f => f.InstitutionId == institutionId && f.CaregiverId == caregiverId && f.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.RevokedAt, DateTime.UtcNow), cancellation);
}

/// <summary>A caregiver's calendar feed address, relative to the service (shown once, when made).</summary>
public sealed record CalendarFeedView(string CaregiverId, string Url, DateTime CreatedAt);
