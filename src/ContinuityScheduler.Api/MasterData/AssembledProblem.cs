using System.Text.Json.Nodes;
using ContinuityScheduler.Api.Http;
using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Domain.Model;

namespace ContinuityScheduler.Api.MasterData;

/// <summary>A planning-problem document put together from stored resources, with the origin of each part so errors can name the resource and field.</summary>
public sealed class AssembledProblem(JsonObject document, IReadOnlyList<Origin> origins)
{
    public JsonObject Document { get; } = document;

    public string Json => Document.ToJsonString();

    /// <summary>Reads the document with the domain's strict reader; every error is traced back to the resource it came from.</summary>
    public (PlanningProblem? Problem, IReadOnlyList<FieldError> Errors) Read()
    {
        var result = ProblemReader.Read(Json);
        return result.Value is { } problem
            ? (problem, [])
            : (null, [.. result.Errors.Select(e => Locate(e.Path, e.Message))]);
    }

    public FieldError Locate(string path, string reason)
    {
        var origin = origins.Where(o => o.Holds(path)).MaxBy(o => o.Prefix.Length);
        return origin is null
            ? new FieldError(path, reason)
            : new FieldError(origin.BodyPath(path), reason, origin.Resource);
    }

    /// <summary>The part of a canonical document (as the domain writes it) that came from an origin.</summary>
    public static JsonNode? At(JsonNode root, string prefix)
    {
        JsonNode? node = root;
        foreach (var step in Steps(prefix))
        {
            node = step is int index ? node?.AsArray()[index] : node?[(string)step];
        }

        return node;
    }

    private static IEnumerable<object> Steps(string path)
    {
        var position = 1; // after '$'
        while (position < path.Length)
        {
            if (path[position] == '.')
            {
                var end = path.IndexOfAny(['.', '['], position + 1);
                end = end < 0 ? path.Length : end;
                yield return path[(position + 1)..end];
                position = end;
            }
            else
            {
                var end = path.IndexOf(']', position);
                yield return int.Parse(path[(position + 1)..end], System.Globalization.CultureInfo.InvariantCulture);
                position = end + 1;
            }
        }
    }
}
