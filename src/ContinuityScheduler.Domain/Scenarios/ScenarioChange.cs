using System.Text.Json.Nodes;

namespace ContinuityScheduler.Domain.Scenarios;

/// <summary>One named change to a planning-problem document; the changed document is read again by the strict reader.</summary>
public abstract record ScenarioChange
{
    /// <summary>The change's kind as scenario files name it, e.g. <c>shift-pattern</c>.</summary>
    public abstract string Kind { get; }

    public abstract void ApplyTo(JsonObject document);

    /// <summary>The items of a document array, as objects.</summary>
    protected static IEnumerable<JsonObject> Items(JsonObject document, string name) =>
        (document[name] as JsonArray ?? []).OfType<JsonObject>();

    protected static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)v)]);

    protected static IEnumerable<string> StringsOf(JsonNode? node) => (node as JsonArray ?? []).Select(v => (string)v!);
}
