using ContinuityScheduler.Api.Data;
using ContinuityScheduler.Api.Http;
using ContinuityScheduler.Api.Security;
using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using NodaTime;
using NodaTime.Text;

namespace ContinuityScheduler.Api.Rotas;

/// <summary>
/// The published rotas of a from–to period, each with the dates it is the published one for, and the children's contacts on
/// them and on the hospital-way rotas of the same horizons: what every history (child, group, institution) reads.
/// </summary>
public sealed class PublishedPeriod
{
    /// <summary>The longest period one request reads: three years of published rotas.</summary>
    public const int MaxDays = 3 * 366;

    private readonly IReadOnlyList<(StoredRota Rota, HashSet<LocalDate> Dates)> rotas;

    private PublishedPeriod(LocalDate from, LocalDate to, IReadOnlyList<(StoredRota, HashSet<LocalDate>)> rotas, string version) =>
        (From, To, this.rotas, Version) = (from, to, rotas, version);

    /// <summary>Which rotas are published for how many of the period's days: equal versions, equal histories (rotas never change).</summary>
    public string Version { get; }

    public LocalDate From { get; }

    public LocalDate To { get; }

    /// <summary>The period's published rotas, earliest horizon first, each with the dates of the period it is the published one for.</summary>
    public IReadOnlyList<PublishedRota> Published => [.. rotas.Select(r => new PublishedRota(r.Rota.Problem, r.Rota.Rota, r.Dates, r.Rota.HospitalWay))];

    /// <summary>Every problem the period's rotas were made for, earliest horizon first.</summary>
    public IEnumerable<PlanningProblem> RotaProblems => rotas.Select(r => r.Rota.Problem);

    /// <summary>
    /// The period asked for (default: the year up to the last published date; at most <see cref="MaxDays"/>), or the problem
    /// to answer: the route's own invalid fields are listed with the query's.
    /// </summary>
    public static async Task<(PublishedPeriod? Period, IResult? Problem)> ReadAsync(HttpContext context, SchedulerDb db, IMemoryCache cache, string? from, string? to, IEnumerable<FieldError> routeErrors, CancellationToken cancellation)
    {
        var errors = QueryDates.Check(from, to);
        errors.AddRange(routeErrors);
        if (errors.Count > 0)
        {
            return (null, Problems.Invalid(errors, "Query parameters are invalid."));
        }

        var id = Caller.Institution(context).Id;
        var lastPublished = await db.PublishedDates.AsNoTracking().Where(d => d.InstitutionId == id).MaxAsync(d => (string?)d.Date, cancellation);
        var last = QueryDates.Read(to) ?? QueryDates.Read(lastPublished) ?? LocalDate.FromDateTime(DateTime.UtcNow);
        var first = QueryDates.Read(from) ?? last.PlusDays(-364);
        if (last < first)
        {
            return (null, Problems.Invalid("$.to", "Must not come before from."));
        }

        if (Period.DaysBetween(first, last) >= MaxDays)
        {
            return (null, Problems.Invalid("$.from", $"The period is at most {MaxDays} days."));
        }

        return (await LoadAsync(db, cache, id, first, last, cancellation), null);
    }

    /// <summary>The published rotas of an institution from first to last, each with the dates it is the published one for.</summary>
    public static async Task<PublishedPeriod> LoadAsync(SchedulerDb db, IMemoryCache cache, string id, LocalDate first, LocalDate last, CancellationToken cancellation)
    {
        var (firstText, lastText) = (LocalDatePattern.Iso.Format(first), LocalDatePattern.Iso.Format(last));
        var days = await db.PublishedDates.AsNoTracking()
            .Where(d => d.InstitutionId == id && d.Date.CompareTo(firstText) >= 0 && d.Date.CompareTo(lastText) <= 0)
            .ToListAsync(cancellation);
        // Only the dates a rota is the published one for: a later publication supersedes it on the days they share.
        var datesOf = days.ToLookup(d => d.RotaId, d => LocalDatePattern.Iso.Parse(d.Date).Value);
        var rotaIds = datesOf.Select(g => g.Key).ToList();
        var records = await db.Rotas.AsNoTracking().Where(r => r.InstitutionId == id && rotaIds.Contains(r.Id)).ToListAsync(cancellation);
        var ordered = records.OrderBy(r => r.HorizonStart, StringComparer.Ordinal).ToList();
        var rotas = ordered.Select(r => (StoredRota.Of(r, cache), datesOf[r.Id].ToHashSet())).ToList();
        return new PublishedPeriod(first, last, rotas, string.Join(",", ordered.Select(r => $"{r.Id}:{datesOf[r.Id].Count()}")));
    }

    /// <summary>The chosen children's contacts on the period's published days, on the published rotas and on the hospital way's (<see cref="PublishedRota.Contacts"/>).</summary>
    public (List<ChildContacts> Published, List<ChildContacts> HospitalWay) Contacts(Func<Child, bool> chosen, Func<Child, IReadOnlyDictionary<LocalDate, IReadOnlySet<string>>, IReadOnlyDictionary<LocalDate, IReadOnlySet<string>>>? kept = null) =>
        PublishedRota.Contacts(Published, To, chosen, kept);
}
