using System.Text.Json.Nodes;

namespace ContinuityScheduler.Domain.Scenarios;

/// <summary>
/// Another set of shifts: these shift types (replacing those of the same code) and these demands (replacing all).
/// Shift types no demand uses stay, so last week's shifts in the history still mean what they meant. Pins name old demands and go.
/// </summary>
public sealed record ShiftPatternChange(JsonArray ShiftTypes, JsonArray Demands) : ScenarioChange
{
    public override string Kind => "shift-pattern";

    public override void ApplyTo(JsonObject document)
    {
        var codes = ShiftTypes.OfType<JsonObject>().Select(s => (string?)s["code"]).ToHashSet();
        var kept = Items(document, "shiftTypes").Where(s => !codes.Contains((string?)s["code"])).Select(s => s.DeepClone());
        document["shiftTypes"] = new JsonArray([.. kept, .. ShiftTypes.Select(s => s!.DeepClone())]);
        document["demands"] = Demands.DeepClone();
        document.Remove("pins");
    }
}
