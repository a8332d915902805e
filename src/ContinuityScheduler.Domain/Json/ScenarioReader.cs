using System.Text.Json;
using System.Text.Json.Nodes;
using ContinuityScheduler.Domain.Scenarios;

namespace ContinuityScheduler.Domain.Json;

/// <summary>Reads a scenario file: a name and a list of named changes, every error with its JSON path.</summary>
public static class ScenarioReader
{
    public static readonly IReadOnlyList<string> Kinds = ["shift-pattern", "core-team-target", "labour-rules", "add-caregivers", "remove-caregivers", "merge-groups", "split-group"];

    public static LoadResult<Scenario> Read(string json) => JsonField.ReadDocument(json, root =>
    {
        if (!root.IsObject("id", "name", "description", "changes"))
        {
            return null;
        }

        var name = root.String("name");
        var description = root.String("description", required: false);
        var changes = root.Items("changes", required: true).Select(Change).ToList();
        return root.Errors.Count == 0 && name is not null ? new Scenario(name, description, changes!) : null;
    });

    private static ScenarioChange? Change(JsonField node)
    {
        var kind = node.Element.ValueKind == JsonValueKind.Object ? node.String("kind") : null;
        switch (kind)
        {
            case "shift-pattern" when node.IsObject("kind", "shiftTypes", "demands"):
                return Array(node, "shiftTypes") is { } types && Array(node, "demands") is { } demands ? new ShiftPatternChange(types, demands) : null;
            case "core-team-target" when node.IsObject("kind", "target", "groups"):
                return node.Integer("target", min: 1, max: 50) is { } target ? new CoreTeamTargetChange(target, node.Strings("groups")) : null;
            case "labour-rules" when node.IsObject("kind", "rules", "residentialDerogation", "compensatoryRestHours"):
                var rules = node.Property("rules", required: false) is { } r ? JsonNode.Parse(r.Element.GetRawText()) as JsonObject : [];
                if (rules is null)
                {
                    node.Property("rules")!.Value.Error("Expected an object of rule settings by code.");
                    return null;
                }

                return new LabourRulesChange(rules, node.Boolean("residentialDerogation", required: false), node.Number("compensatoryRestHours", required: false, max: 168));
            case "add-caregivers" when node.IsObject("kind", "caregivers", "perGroupHours"):
                var caregivers = node.Property("caregivers", required: false) is null ? [] : Array(node, "caregivers");
                var hours = node.Number("perGroupHours", required: false, max: 168);
                return caregivers is null ? null : new AddCaregiversChange(caregivers, hours);
            case "remove-caregivers" when node.IsObject("kind", "ids"):
                return new RemoveCaregiversChange(node.Strings("ids", required: true));
            case "merge-groups" when node.IsObject("kind", "groups", "into"):
                var groups = node.Strings("groups", required: true);
                var into = node.Property("into");
                if (groups.Count < 2)
                {
                    node.Error("Merge at least two groups.");
                }

                return into is { } i && i.IsObject("id", "name") && i.Id("id") is { } id
                    ? new MergeGroupsChange(groups, id, i.String("name", required: false) ?? id)
                    : null;
            case "split-group" when node.IsObject("kind", "group", "into", "children", "caregivers"):
                var split = node.String("group");
                var children = node.Strings("children", required: true);
                var team = node.Strings("caregivers", required: false);
                if (children.Count == 0)
                {
                    node.Error("Move at least one child to the new group.");
                }

                return split is not null && node.Property("into") is { } newGroup && newGroup.IsObject("id", "name") && newGroup.Id("id") is { } newId
                    ? new SplitGroupChange(split, newId, newGroup.String("name", required: false) ?? newId, children, team)
                    : null;
            case null:
                return null;
            default:
                if (!Kinds.Contains(kind))
                {
                    node.Property("kind")!.Value.Error($"Unknown change; expected one of {string.Join(", ", Kinds)}.");
                }

                return null;
        }
    }

    private static JsonArray? Array(JsonField node, string name)
    {
        var property = node.Property(name);
        if (property is { } p && p.Element.ValueKind == JsonValueKind.Array)
        {
            return JsonNode.Parse(p.Element.GetRawText())!.AsArray();
        }

        property?.Error("Expected an array.");
        return null;
    }
}
