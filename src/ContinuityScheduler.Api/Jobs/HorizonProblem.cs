using System.Text.Json.Nodes;
using ContinuityScheduler.Api.Data;
using ContinuityScheduler.Api.Http;
using ContinuityScheduler.Api.MasterData;
using ContinuityScheduler.Domain.Model;
using Microsoft.Extensions.Caching.Memory;
using NodaTime.Text;

namespace ContinuityScheduler.Api.Jobs;

/// <summary>The planning problem of a horizon named in a request: the institution's data now, published rotas before it as history, the request's pins.</summary>
public static class HorizonProblem
{
    public static async Task<(AssembledProblem? Assembled, PlanningProblem? Problem, IResult? Stop)> AssembleAsync(
        SchedulerDb db, IMemoryCache cache, InstitutionRecord institution, JsonObject body, List<FieldError> errors, CancellationToken cancellation)
    {
        var horizon = body["horizon"] as JsonObject;
        if (horizon is null)
        {
            errors.Add(new FieldError("$.horizon", "Required: an object with 'start' (a Monday) and 'weeks'."));
        }

        if (body["pins"] is { } and not JsonArray)
        {
            errors.Add(new FieldError("$.pins", "Must be an array."));
        }

        if (errors.Count > 0)
        {
            return (null, null, Problems.Invalid(errors));
        }

        var set = await MasterDataSet.LoadAsync(db, institution, cancellation);
        // A start of the wrong type is the domain reader's to report, with its path; here it only finds no history.
        var start = LocalDatePattern.Iso.Parse(horizon!["start"] is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.String ? value.GetValue<string>() : "");
        var history = start.Success ? await HistoryBuilder.ForAsync(db, cache, set, start.Value, cancellation) : null;
        var assembled = set.Assemble(horizon, history, body["pins"] as JsonArray);
        var (problem, problems) = assembled.Read();
        if (problem is not null)
        {
            return (assembled, problem, null);
        }

        var own = problems.Where(e => e.Resource == "request").Select(e => e with { Resource = null }).ToList();
        return (null, null, own.Count > 0
            ? Problems.Invalid(own)
            : Problems.Conflict("The institution's data do not make a complete planning problem yet; each gap is listed in 'errors'.", problems));
    }
}
