using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Rules;
using NodaTime;

namespace ContinuityScheduler.Domain.Tests.Json;

public sealed class ProblemReaderDefaultsTests
{
    [Fact]
    public void A_minimal_document_gets_the_default_institution_settings()
    {
        var institution = Load(Documents.Minimal).Institution;

        institution.LabourRules.Should().Be(LabourRules.Default);
        institution.LabourRules.Settings.Should().BeEquivalentTo(LabourRules.Default.Settings);
        institution.LabourRules.ResidentialDerogation.Should().BeFalse();
        institution.LabourRules.CompensatoryRestHours.Should().Be(24);
        institution.ScoreWeights.Should().Be(ScoreWeights.Default);
        institution.KeyMoments.Should().Be(KeyMoments.Default);
        institution.KeyMoments.WakeUp.Should().Be(new LocalTime(7, 0));
        institution.KeyMoments.Bedtime.Should().Be(new LocalTime(19, 30));
    }

    [Fact]
    public void A_minimal_document_gets_the_default_names_and_values_of_its_parts()
    {
        var problem = Load(Documents.Minimal);

        problem.Institution.Name.Should().Be("oak-house");
        problem.Groups.Should().ContainSingle().Which.Should().BeEquivalentTo(new Group("robin", "robin", Group.DefaultCoreTeamTarget));
        problem.Groups[0].CoreTeamTarget.Should().Be(4);
        problem.ShiftTypes[0].EndDayOffset.Should().Be(0);
        problem.ShiftTypes[1].EndDayOffset.Should().Be(1, "a shift that ends before it starts ends the next day");
        problem.ShiftTypes.Should().OnlyContain(s => s.WorkingTimeFactor == 1 && s.PaidTimeFactor == 1 && s.Name == s.Code);
        problem.Caregivers[0].Contract.Should().Be(new Contract(37, EmploymentType.Permanent));
        problem.Caregivers[1].Contract.EmploymentType.Should().Be(EmploymentType.Relief);
        problem.Caregivers.Should().OnlyContain(c => c.Name == c.Id && c.ExternalId == null && c.AllowedGroups.Count == 0);
        problem.Demands.Should().OnlyContain(d => d.Count == 1 && d.Skills.Count == 0);
        problem.History.Should().BeEquivalentTo(History.Empty(new LocalDate(2026, 11, 30)));
        problem.Pins.Should().BeEmpty();
    }

    [Fact]
    public void A_rule_with_only_a_limit_keeps_its_other_defaults_and_the_other_rules_keep_theirs()
    {
        var json = Documents.WithInstitution(institution => institution["labourRules"] = new System.Text.Json.Nodes.JsonObject
        {
            ["rules"] = new System.Text.Json.Nodes.JsonObject { ["max-weekly-hours"] = new System.Text.Json.Nodes.JsonObject { ["limit"] = 50 } },
        });

        var rules = Load(json).Institution.LabourRules;

        var definition = RuleSet.Definitions.Single(d => d.Code == "max-weekly-hours");
        rules["max-weekly-hours"].Should().Be(definition.Defaults with { Limit = 50 });
        rules["max-weekly-hours"].Enabled.Should().Be(definition.Defaults.Enabled);
        rules["max-weekly-hours"].Severity.Should().Be(definition.Defaults.Severity);
        rules["max-weekly-hours"].Weeks.Should().Be(definition.Defaults.Weeks);
        foreach (var other in RuleSet.Definitions.Where(d => d.Code != "max-weekly-hours"))
        {
            rules[other.Code].Should().Be(other.Defaults, $"{other.Code} was not mentioned");
        }

        rules.ResidentialDerogation.Should().Be(LabourRules.Default.ResidentialDerogation);
        rules.CompensatoryRestHours.Should().Be(LabourRules.Default.CompensatoryRestHours);
    }

    [Fact]
    public void A_rule_over_a_period_with_only_weeks_keeps_its_limit()
    {
        var json = Documents.WithInstitution(institution => institution["labourRules"] = System.Text.Json.Nodes.JsonNode.Parse(
            """{ "rules": { "average-weekly-hours": { "weeks": 26 }, "wishes": { "enabled": false } } }"""));

        var rules = Load(json).Institution.LabourRules;

        var average = RuleSet.Definitions.Single(d => d.Code == "average-weekly-hours").Defaults;
        rules["average-weekly-hours"].Should().Be(average with { Weeks = 26 });
        rules["average-weekly-hours"].Limit.Should().Be(48);
        var wishes = RuleSet.Definitions.Single(d => d.Code == "wishes").Defaults;
        rules["wishes"].Should().Be(wishes with { Enabled = false });
    }

    [Fact]
    public void Labour_rules_with_only_the_derogation_keep_every_rule_default()
    {
        var json = Documents.WithInstitution(institution => institution["labourRules"] = System.Text.Json.Nodes.JsonNode.Parse(
            """{ "residentialDerogation": true }"""));

        var rules = Load(json).Institution.LabourRules;

        rules.ResidentialDerogation.Should().BeTrue();
        rules.CompensatoryRestHours.Should().Be(LabourRules.Default.CompensatoryRestHours);
        rules.Settings.Should().BeEquivalentTo(LabourRules.Default.Settings);
    }

    [Fact]
    public void Score_weights_with_only_a_target_keep_the_default_weights()
    {
        var json = Documents.WithInstitution(institution => institution["scoreWeights"] = System.Text.Json.Nodes.JsonNode.Parse(
            """{ "targetDistinctPerWeek": 5 }"""));

        var weights = Load(json).Institution.ScoreWeights;

        weights.Should().Be(new ScoreWeights(0.35, 0.25, 0.20, 0.20, 5));
    }

    [Fact]
    public void Key_moments_given_in_full_replace_the_defaults()
    {
        var json = Documents.WithInstitution(institution => institution["keyMoments"] = System.Text.Json.Nodes.JsonNode.Parse(
            """{ "wakeUp": "06:30", "bedtime": "20:00:00" }"""));

        var moments = Load(json).Institution.KeyMoments;

        moments.Should().Be(new KeyMoments(new LocalTime(6, 30), new LocalTime(20, 0)));
    }

    private static PlanningProblem Load(string json)
    {
        var result = ProblemReader.Read(json);
        result.Errors.Should().BeEmpty();
        return result.Value!;
    }
}
