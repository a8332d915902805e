using ContinuityScheduler.Api.Data;
using ContinuityScheduler.Api.Http;
using ContinuityScheduler.Api.MasterData;
using ContinuityScheduler.Api.Security;
using ContinuityScheduler.Domain.Baseline;
using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Scoring;
using ContinuityScheduler.Domain.Shifts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using NodaTime;
using NodaTime.Text;

namespace ContinuityScheduler.Api.Rotas;

/// <summary>A child's caregivers over the published rotas of a period, beside the hospital way's over the same days.</summary>
public static class ChildHistoryEndpoints
{
    /// <summary>The longest period one request reads: three years of published rotas.</summary>
    public const int MaxDays = 3 * 366;

    public static void MapChildHistory(this RouteGroupBuilder institution) =>
        institution.MapGet("/children/{childId}/history", HistoryAsync)
            .WithTags("Continuity")
            .WithSummary("A child's caregivers from–to (ISO dates; default: the year up to the last published date) over the published rotas: distinct adults per week, month and year, who was there most, which regular caregivers left; and the same for the hospital-way rota of each published horizon.")
            .Produces<ChildHistoryView>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> HistoryAsync(string childId, HttpContext context, SchedulerDb db, IMemoryCache cache, string? from, string? to, CancellationToken cancellation)
    {
        var errors = QueryDates.Check(from, to);
        if (!Ids.IsValid(childId))
        {
            errors.Add(new FieldError("$.childId", $"Not an id: {Ids.Rule}."));
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors, "Query parameters are invalid.");
        }

        var id = Caller.Institution(context).Id;
        var lastPublished = await db.PublishedDates.AsNoTracking().Where(d => d.InstitutionId == id).MaxAsync(d => (string?)d.Date, cancellation);
        var last = QueryDates.Read(to) ?? QueryDates.Read(lastPublished) ?? LocalDate.FromDateTime(DateTime.UtcNow);
        var first = QueryDates.Read(from) ?? last.PlusDays(-364);
        if (last < first)
        {
            return Problems.Invalid("$.to", "Must not come before from.");
        }

        if (Period.DaysBetween(first, last) >= MaxDays)
        {
            return Problems.Invalid("$.from", $"The period is at most {MaxDays} days.");
        }

        var (firstText, lastText) = (LocalDatePattern.Iso.Format(first), LocalDatePattern.Iso.Format(last));
        var days = await db.PublishedDates.AsNoTracking()
            .Where(d => d.InstitutionId == id && d.Date.CompareTo(firstText) >= 0 && d.Date.CompareTo(lastText) <= 0)
            .ToListAsync(cancellation);
        // Only the dates a rota is the published one for: a later publication supersedes it on the days they share.
        var datesOf = days.ToLookup(d => d.RotaId, d => LocalDatePattern.Iso.Parse(d.Date).Value);
        var rotaIds = datesOf.Select(g => g.Key).ToList();
        var rotas = await db.Rotas.AsNoTracking().Where(r => r.InstitutionId == id && rotaIds.Contains(r.Id)).ToListAsync(cancellation);

        var published = new Dictionary<LocalDate, IReadOnlySet<string>>();
        var hospitalWay = new Dictionary<LocalDate, IReadOnlySet<string>>();
        Child? known = null;
        foreach (var record in rotas.OrderBy(r => r.HorizonStart, StringComparer.Ordinal))
        {
            var stored = StoredRota.Of(record, cache);
            if (stored.Problem.Children.FirstOrDefault(c => c.Id == childId) is not { } child)
            {
                continue;
            }

            known = child;
            var dates = datesOf[record.Id].ToHashSet();
            Add(published, ContinuityScorer.Contacts(new ResolvedRota(stored.Problem, stored.Rota), child), dates);
            Add(hospitalWay, ContinuityScorer.Contacts(new ResolvedRota(stored.Problem, HospitalWay.Generate(stored.Problem)), child), dates);
        }

        if (known is null && !await db.Resources.AnyAsync(r => r.InstitutionId == id && r.Kind == ResourceKind.Child.Kind && r.Key == childId, cancellation))
        {
            return Problems.NotFound($"child '{childId}'");
        }

        return TypedResults.Ok(new ChildHistoryView(
            childId,
            first,
            last,
            known?.IsUnderThreeOn(last),
            ChildHistory.Of(childId, published),
            ChildHistory.Of(childId, hospitalWay)));
    }

    private static void Add(Dictionary<LocalDate, IReadOnlySet<string>> into, IReadOnlyDictionary<LocalDate, IReadOnlySet<string>> contacts, HashSet<LocalDate> dates)
    {
        foreach (var (date, caregivers) in contacts.Where(c => dates.Contains(c.Key)))
        {
            into[date] = caregivers;
        }
    }
}

/// <summary>A child's caregivers over a period on the published rotas, and on the hospital-way rotas of the same horizons (the reference).</summary>
public sealed record ChildHistoryView(string ChildId, LocalDate From, LocalDate To, bool? UnderThree, ChildHistory Published, ChildHistory HospitalWay);
