using System.Text.Json.Nodes;

namespace ContinuityScheduler.Domain.Scenarios;

/// <summary>
/// A group split in two: the named children move to a new group with the named caregivers (their history and core-team
/// places go with them); every post of the group alone is doubled for the new group, and a post shared with other groups
/// (a night post of the house) now covers the new group too.
/// </summary>
public sealed record SplitGroupChange(string Group, string IntoId, string IntoName, IReadOnlyList<string> Children, IReadOnlyList<string> Caregivers) : ScenarioChange
{
    public override string Kind => "split-group";

    public override void ApplyTo(JsonObject document)
    {
        var groups = Items(document, "groups").ToList();
        var original = groups.FirstOrDefault(g => (string?)g["id"] == Group);
        var into = new JsonObject
        {
            ["id"] = IntoId,
            ["name"] = IntoName,
            ["coreTeamTarget"] = (int?)original?["coreTeamTarget"] ?? 4,
            ["coreTeam"] = Strings(StringsOf(original?["coreTeam"]).Where(Caregivers.Contains)),
        };
        if (original is not null)
        {
            original["coreTeam"] = Strings(StringsOf(original["coreTeam"]).Where(id => !Caregivers.Contains(id)));
        }

        document["groups"] = new JsonArray([.. groups.Select(g => g.DeepClone()), into]);

        foreach (var child in Items(document, "children").Where(c => Children.Contains((string)c["id"]!)))
        {
            foreach (var membership in (child["memberships"] as JsonArray ?? []).OfType<JsonObject>().Where(m => (string?)m["groupId"] == Group))
            {
                membership["groupId"] = IntoId;
            }
        }

        foreach (var caregiver in Items(document, "caregivers").Where(c => Caregivers.Contains((string)c["id"]!)))
        {
            caregiver["allowedGroups"] = Moved(caregiver["allowedGroups"]);
        }

        if (document["history"] is JsonObject history)
        {
            foreach (var shift in Items(history, "shifts").Where(s => Caregivers.Contains((string)s["caregiverId"]!)))
            {
                shift["groupIds"] = Moved(shift["groupIds"]);
            }
        }

        document["demands"] = new JsonArray([.. Items(document, "demands").SelectMany(Posts)]);
        document.Remove("pins");
    }

    /// <summary>The group's id replaced by the new group's.</summary>
    private JsonArray Moved(JsonNode? ids) => Strings(StringsOf(ids).Select(id => id == Group ? IntoId : id).Distinct());

    private IEnumerable<JsonNode> Posts(JsonObject demand)
    {
        var groupIds = StringsOf(demand["groupIds"]).ToList();
        var copy = demand.DeepClone().AsObject();
        if (!groupIds.Contains(Group))
        {
            yield return copy;
            yield break;
        }

        if (groupIds.Count > 1)
        {
            copy["groupIds"] = Strings([.. groupIds, IntoId]);
            yield return copy;
            yield break;
        }

        yield return copy;
        var doubled = demand.DeepClone().AsObject();
        doubled["id"] = $"{(string)demand["id"]!}@{IntoId}";
        doubled["groupIds"] = Strings([IntoId]);
        yield return doubled;
    }
}
