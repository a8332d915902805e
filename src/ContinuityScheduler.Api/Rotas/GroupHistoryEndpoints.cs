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

/// <summary>A group's and the whole institution's caregivers over the published rotas of a period, beside the hospital way's.</summary>
public static class GroupHistoryEndpoints
{
    private const string Figures = "per week, month and year the mean and the most distinct adults a child met (the under-threes' mean apart), the adults the children met at all, the departures they lived through and a row per child; and the same for the hospital-way rota of each published horizon.";

    public static void MapGroupHistory(this RouteGroupBuilder institution)
    {
        institution.MapGet("/groups/{groupId}/history", GroupAsync)
            .WithTags("Continuity")
            .WithSummary($"A group's caregivers from–to (ISO dates; default: the year up to the last published date) over the published rotas, each child counted on its days in the group: {Figures}")
            .Produces<GroupHistoryView>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        institution.MapGet("/history", InstitutionAsync)
            .WithTags("Continuity")
            .WithSummary($"The institution's caregivers from–to (ISO dates; default: the year up to the last published date) over the published rotas, every child on every day it is there: {Figures}")
            .Produces<InstitutionHistoryView>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> GroupAsync(string groupId, HttpContext context, SchedulerDb db, IMemoryCache cache, string? from, string? to, CancellationToken cancellation)
    {
        FieldError[] idErrors = Ids.IsValid(groupId) ? [] : [new FieldError("$.groupId", $"Not an id: {Ids.Rule}.")];
        var (period, problem) = await PublishedPeriod.ReadAsync(context, db, cache, from, to, idErrors, cancellation);
        if (period is null)
        {
            return problem!;
        }

        var id = Caller.Institution(context).Id;
        if (!period.RotaProblems.Any(p => p.Groups.Any(g => g.Id == groupId))
            && !await db.Resources.AnyAsync(r => r.InstitutionId == id && r.Kind == ResourceKind.Group.Kind && r.Key == groupId, cancellation))
        {
            return Problems.NotFound($"group '{groupId}'", "$.groupId");
        }

        var (published, hospitalWay) = period.Contacts(c => c.Memberships.Any(m => m.GroupId == groupId), (child, contacts) => GroupHistory.InGroup(contacts, child, groupId));
        return TypedResults.Ok(new GroupHistoryView(groupId, period.From, period.To, GroupHistory.Of(published), GroupHistory.Of(hospitalWay)));
    }

    private static async Task<IResult> InstitutionAsync(HttpContext context, SchedulerDb db, IMemoryCache cache, string? from, string? to, CancellationToken cancellation)
    {
        var (period, problem) = await PublishedPeriod.ReadAsync(context, db, cache, from, to, [], cancellation);
        if (period is null)
        {
            return problem!;
        }

        var (published, hospitalWay) = period.Contacts(_ => true);
        return TypedResults.Ok(new InstitutionHistoryView(Caller.Institution(context).Id, period.From, period.To, GroupHistory.Of(published), GroupHistory.Of(hospitalWay)));
    }
}

/// <summary>A group's caregivers over a period on the published rotas, and on the hospital-way rotas of the same horizons (the reference).</summary>
public sealed record GroupHistoryView(string GroupId, LocalDate From, LocalDate To, GroupHistory Published, GroupHistory HospitalWay);

/// <summary>The institution's caregivers over a period on the published rotas, and on the hospital-way rotas of the same horizons (the reference).</summary>
public sealed record InstitutionHistoryView(string InstitutionId, LocalDate From, LocalDate To, GroupHistory Published, GroupHistory HospitalWay);
