using System.Text.Json.Nodes;
using ContinuityScheduler.Api.Contracts;
using ContinuityScheduler.Api.Http;
using ContinuityScheduler.Api.OpenApi;
using ContinuityScheduler.Api.Security;
using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Domain.Scoring;

namespace ContinuityScheduler.Api.Checks;

/// <summary>Stateless checks for HR systems that keep their own data: nothing is stored.</summary>
public static class CheckEndpoints
{
    public static void MapChecks(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/").WithTags("Stateless checks").AddEndpointFilter(Caller.RequireAnyKey);

        group.MapPost("/validate", async (HttpContext context, CancellationToken cancellation) =>
            await WithDocuments(context, cancellation, (problem, rota) =>
            {
                var report = RotaValidator.Validate(problem, rota);
                return TypedResults.Ok(ViolationsView.Of(report));
            }))
        .WithSummary("Validates a rota against a planning problem sent in full: every rule it breaks.")
        .Accepts<CheckRequest>("application/json")
        .WithMetadata(new ExampleBody(Examples.Check))
        .Produces<ViolationsView>()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status401Unauthorized);

        group.MapPost("/score", async (HttpContext context, CancellationToken cancellation) =>
            await WithDocuments(context, cancellation, (problem, rota) => TypedResults.Ok(ContinuityScorer.Score(problem, rota))))
        .WithSummary("Scores a rota's continuity for a planning problem sent in full: per child, per group, institution.")
        .Accepts<CheckRequest>("application/json")
        .WithMetadata(new ExampleBody(Examples.Check))
        .Produces<ContinuityReport>()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status401Unauthorized);
    }

    private static async Task<IResult> WithDocuments(HttpContext context, CancellationToken cancellation, Func<PlanningProblem, Rota, IResult> answer)
    {
        var (body, problem) = await RequestBody.ReadObjectAsync(context.Request, cancellation);
        if (problem is not null)
        {
            return problem;
        }

        var document = body!;
        var unknown = document.Select(p => p.Key).Where(k => k is not ("problem" or "rota")).Select(k => new FieldError($"$.{k}", "Unknown property; expected 'problem' and 'rota'."));
        var errors = unknown.ToList();
        var planning = Read(document["problem"], "problem", errors, ProblemReader.Read);
        var rota = planning is { } known ? Read(document["rota"], "rota", errors, json => RotaReader.Read(json, known)) : null;
        if (document["rota"] is null)
        {
            errors.Add(new FieldError("$.rota", "Required: the rota to check."));
        }

        return errors.Count > 0 || planning is null || rota is null ? Problems.Invalid(errors) : answer(planning, rota);
    }

    private static T? Read<T>(JsonNode? node, string name, List<FieldError> errors, Func<string, LoadResult<T>> reader) where T : class
    {
        if (node is not JsonObject)
        {
            errors.Add(new FieldError($"$.{name}", $"Required: the {name} document as a JSON object."));
            return null;
        }

        var result = reader(node.ToJsonString());
        errors.AddRange(result.Errors.Select(e => new FieldError($"$.{name}{e.Path[1..]}", e.Message)));
        return result.Value;
    }
}
