using System.Text.Json.Nodes;

namespace ContinuityScheduler.Domain.Scenarios;

/// <summary>Other labour-rule settings, e.g. a collective agreement's: rule overrides merged over the base's, and the residential derogation.</summary>
public sealed record LabourRulesChange(JsonObject Rules, bool? ResidentialDerogation, double? CompensatoryRestHours) : ScenarioChange
{
    public override string Kind => "labour-rules";

    public override void ApplyTo(JsonObject document)
    {
        var institution = document["institution"]!.AsObject();
        var labour = institution["labourRules"] as JsonObject ?? [];
        institution["labourRules"] = labour;
        var rules = labour["rules"] as JsonObject ?? [];
        labour["rules"] = rules;
        foreach (var (code, settings) in Rules)
        {
            var merged = rules[code] as JsonObject ?? [];
            foreach (var (name, value) in settings!.AsObject())
            {
                merged[name] = value?.DeepClone();
            }

            rules[code] = merged;
        }

        if (ResidentialDerogation is { } derogation)
        {
            labour["residentialDerogation"] = derogation;
        }

        if (CompensatoryRestHours is { } hours)
        {
            labour["compensatoryRestHours"] = hours;
        }
    }
}
