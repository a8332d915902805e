using System.Text.Json.Nodes;

namespace ContinuityScheduler.Domain.Scenarios;

/// <summary>Fewer caregivers: they go with their history, their key-person and core-team places and their pins.</summary>
public sealed record RemoveCaregiversChange(IReadOnlyList<string> Ids) : ScenarioChange
{
    public override string Kind => "remove-caregivers";

    public override void ApplyTo(JsonObject document)
    {
        bool Kept(JsonNode? node) => !Ids.Contains((string?)node?["caregiverId"] ?? (string?)node?["id"] ?? "");
        Filter(document, "caregivers", Kept);
        Filter(document, "pins", Kept);
        if (document["history"] is JsonObject history)
        {
            Filter(history, "shifts", Kept);
            Filter(history, "weeklyHours", Kept);
        }

        foreach (var child in Items(document, "children"))
        {
            child["keyPersons"] = Strings(StringsOf(child["keyPersons"]).Except(Ids));
        }

        foreach (var group in Items(document, "groups"))
        {
            group["coreTeam"] = Strings(StringsOf(group["coreTeam"]).Except(Ids));
        }
    }

    private static void Filter(JsonObject parent, string name, Func<JsonNode?, bool> keep)
    {
        if (parent[name] is JsonArray items)
        {
            parent[name] = new JsonArray([.. items.Where(keep).Select(i => i!.DeepClone())]);
        }
    }
}
