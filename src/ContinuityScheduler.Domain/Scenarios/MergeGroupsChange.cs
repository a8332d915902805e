using System.Text.Json.Nodes;

namespace ContinuityScheduler.Domain.Scenarios;

/// <summary>
/// Groups merged into one: children, caregivers' allowed groups, core teams and history move to it, and demands of one shift type
/// that now cover the same groups become one post needing the sum of their people.
/// </summary>
public sealed record MergeGroupsChange(IReadOnlyList<string> Groups, string IntoId, string IntoName) : ScenarioChange
{
    public override string Kind => "merge-groups";

    public override void ApplyTo(JsonObject document)
    {
        string Map(string id) => Groups.Contains(id) ? IntoId : id;
        JsonArray MapAll(JsonNode? ids) => Strings(StringsOf(ids).Select(Map).Distinct());

        var merged = Items(document, "groups").Where(g => Groups.Contains((string)g["id"]!)).ToList();
        var into = new JsonObject
        {
            ["id"] = IntoId,
            ["name"] = IntoName,
            ["coreTeamTarget"] = merged.Sum(g => (int?)g["coreTeamTarget"] ?? 4),
            ["coreTeam"] = Strings(merged.SelectMany(g => StringsOf(g["coreTeam"])).Distinct()),
        };
        document["groups"] = new JsonArray([.. Items(document, "groups").Where(g => !Groups.Contains((string)g["id"]!)).Select(g => g.DeepClone()), into]);

        foreach (var child in Items(document, "children"))
        {
            foreach (var membership in (child["memberships"] as JsonArray ?? []).OfType<JsonObject>())
            {
                membership["groupId"] = Map((string)membership["groupId"]!);
            }
        }

        foreach (var caregiver in Items(document, "caregivers"))
        {
            caregiver["allowedGroups"] = MapAll(caregiver["allowedGroups"]);
        }

        if (document["history"] is JsonObject history)
        {
            foreach (var shift in Items(history, "shifts"))
            {
                shift["groupIds"] = MapAll(shift["groupIds"]);
            }
        }

        document["demands"] = new JsonArray([.. MergedDemands(document, MapAll)]);
        document.Remove("pins");
    }

    private static IEnumerable<JsonNode> MergedDemands(JsonObject document, Func<JsonNode?, JsonArray> mapAll)
    {
        var demands = Items(document, "demands").Select(d =>
        {
            var copy = d.DeepClone().AsObject();
            copy["groupIds"] = mapAll(d["groupIds"]);
            return copy;
        });
        var posts = demands.GroupBy(d => (
            ShiftType: (string)d["shiftType"]!,
            Groups: string.Join('+', StringsOf(d["groupIds"]).Order(StringComparer.Ordinal)),
            Skills: string.Join('+', StringsOf(d["skills"]).Order(StringComparer.Ordinal)),
            Days: d["weekdays"]?.ToJsonString() + d["dates"]?.ToJsonString()));
        foreach (var post in posts)
        {
            var first = post.First();
            first["count"] = post.Sum(d => (int?)d["count"] ?? 1);
            yield return first;
        }
    }
}
