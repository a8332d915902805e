using System.Text.Json.Nodes;

namespace ContinuityScheduler.Domain.Scenarios;

/// <summary>Another core-team size K for some groups (all when none are named).</summary>
public sealed record CoreTeamTargetChange(int Target, IReadOnlyList<string> Groups) : ScenarioChange
{
    public override string Kind => "core-team-target";

    public override void ApplyTo(JsonObject document)
    {
        foreach (var group in Items(document, "groups").Where(g => Groups.Count == 0 || Groups.Contains((string)g["id"]!)))
        {
            group["coreTeamTarget"] = Target;
        }
    }
}
