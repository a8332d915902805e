using ContinuityScheduler.Api.Data;
using ContinuityScheduler.Api.Http;
using ContinuityScheduler.Api.MasterData;
using ContinuityScheduler.Api.Security;
using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Domain.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using NodaTime;

namespace ContinuityScheduler.Api.Rotas;

/// <summary>A child's caregivers over the published rotas of a period, beside the hospital way's over the same days.</summary>
public static class ChildHistoryEndpoints
{
    public static void MapChildHistory(this RouteGroupBuilder institution) =>
        institution.MapGet("/children/{childId}/history", HistoryAsync)
            .WithTags("Continuity")
            .WithSummary("A child's caregivers from–to (ISO dates; default: the year up to the last published date) over the published rotas: distinct adults per week, month and year, who was there most, which regular caregivers left; and the same for the hospital-way rota of each published horizon.")
            .Produces<ChildHistoryView>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> HistoryAsync(string childId, HttpContext context, SchedulerDb db, IMemoryCache cache, string? from, string? to, CancellationToken cancellation)
    {
        FieldError[] idErrors = Ids.IsValid(childId) ? [] : [new FieldError("$.childId", $"Not an id: {Ids.Rule}.")];
        var (period, problem) = await PublishedPeriod.ReadAsync(context, db, cache, from, to, idErrors, cancellation);
        if (period is null)
        {
            return problem!;
        }

        var (published, hospitalWay) = period.Contacts(c => c.Id == childId);
        var id = Caller.Institution(context).Id;
        if (published.Count == 0 && !await db.Resources.AnyAsync(r => r.InstitutionId == id && r.Kind == ResourceKind.Child.Kind && r.Key == childId, cancellation))
        {
            return Problems.NotFound($"child '{childId}'", "$.childId");
        }

        return TypedResults.Ok(new ChildHistoryView(
            childId,
            period.From,
            period.To,
            published.SingleOrDefault()?.UnderThree,
            ChildHistory.Of(childId, published.SingleOrDefault()?.Contacts ?? new Dictionary<LocalDate, IReadOnlySet<string>>()),
            ChildHistory.Of(childId, hospitalWay.SingleOrDefault()?.Contacts ?? new Dictionary<LocalDate, IReadOnlySet<string>>())));
    }
}

/// <summary>A child's caregivers over a period on the published rotas, and on the hospital-way rotas of the same horizons (the reference).</summary>
public sealed record ChildHistoryView(string ChildId, LocalDate From, LocalDate To, bool? UnderThree, ChildHistory Published, ChildHistory HospitalWay);
