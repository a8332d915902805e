using System.Text.Json.Nodes;

namespace ContinuityScheduler.Domain.Scenarios;

/// <summary>
/// More caregivers: the ones given, and — when <see cref="PerGroupHours"/> is set — one more per group, allowed in that group only,
/// with every skill the group's demands ask for.
/// </summary>
public sealed record AddCaregiversChange(JsonArray Caregivers, double? PerGroupHours) : ScenarioChange
{
    public override string Kind => "add-caregivers";

    public override void ApplyTo(JsonObject document)
    {
        var caregivers = document["caregivers"] as JsonArray ?? [];
        document["caregivers"] = caregivers;
        foreach (var caregiver in Caregivers)
        {
            caregivers.Add(caregiver!.DeepClone());
        }

        if (PerGroupHours is not { } hours)
        {
            return;
        }

        foreach (var group in Items(document, "groups").ToList())
        {
            var id = (string)group["id"]!;
            var skills = Items(document, "demands").Where(d => StringsOf(d["groupIds"]).Contains(id)).SelectMany(d => StringsOf(d["skills"])).Distinct().Order(StringComparer.Ordinal);
            caregivers.Add(new JsonObject
            {
                ["id"] = $"extra-{id}",
                ["name"] = $"Extra caregiver of {(string?)group["name"] ?? id}",
                ["contract"] = new JsonObject { ["hoursPerWeek"] = hours, ["employmentType"] = "permanent" },
                ["skills"] = Strings(skills),
                ["allowedGroups"] = Strings([id]),
            });
        }
    }
}
