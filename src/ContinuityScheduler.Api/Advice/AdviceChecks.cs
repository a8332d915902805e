using System.Text.Json;
using System.Text.Json.Nodes;
using ContinuityScheduler.Api.Http;

namespace ContinuityScheduler.Api.Advice;

/// <summary>The advice request's own fields (by, target, the candidates' shape); the candidate reader checks each candidate against the horizon's problem.</summary>
public static class AdviceChecks
{
    public static readonly string[] TargetFields = ["lowestChildAtLeast", "underThreesMeanAtLeast", "distinctPerWeekAtMost"];

    /// <summary>The most distinct caregivers per child per week a target may allow: more is no bound.</summary>
    public const double MaxDistinctPerWeek = 50;

    public static IEnumerable<FieldError> Of(JsonObject body)
    {
        if (body["candidates"] is not JsonArray)
        {
            yield return new FieldError("$.candidates", "Required: an array of candidate hires, as in a candidates file (docs/formats.md).");
        }

        if (body.ContainsKey("by") && !(body["by"] is JsonValue by && by.GetValueKind() == JsonValueKind.String && by.GetValue<string>() is "count" or "cost"))
        {
            yield return new FieldError("$.by", "Must be 'count' (the fewest hires) or 'cost' (the cheapest).");
        }

        if (!body.ContainsKey("target") || body["target"] is null)
        {
            yield break;
        }

        if (body["target"] is not JsonObject target)
        {
            yield return new FieldError("$.target", "Must be an object with any of: " + string.Join(", ", TargetFields) + ".");
            yield break;
        }

        foreach (var (name, value) in target)
        {
            var (min, max) = name switch
            {
                "lowestChildAtLeast" or "underThreesMeanAtLeast" => (0.0, 100.0),
                "distinctPerWeekAtMost" => (1.0, MaxDistinctPerWeek),
                _ => (double.NaN, double.NaN),
            };
            if (double.IsNaN(min))
            {
                yield return new FieldError($"$.target.{name}", $"Unknown property; expected one of: {string.Join(", ", TargetFields)}.");
            }
            else if (value is not null && !(value is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.GetValue<double>() is var number && number >= min && number <= max))
            {
                yield return new FieldError($"$.target.{name}", $"Must be a number from {min} to {max}, or null for no bound.");
            }
        }
    }

    /// <summary>The request's candidates as a candidates file, so the reader's paths are the request's own.</summary>
    public static string CandidatesDocument(JsonObject body) => new JsonObject { ["candidates"] = body["candidates"]?.DeepClone() }.ToJsonString();
}
