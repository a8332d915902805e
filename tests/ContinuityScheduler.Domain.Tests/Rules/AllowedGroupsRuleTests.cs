using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Domain.Tests.Support;
using NodaTime;

namespace ContinuityScheduler.Domain.Tests.Rules;

public class AllowedGroupsRuleTests
{
    private const string Code = "allowed-groups";
    private static readonly LocalDate Monday = ProblemBuilder.Monday;
    private static readonly LocalDate Tuesday = Monday.PlusDays(1);

    private static List<Violation> Check(PlanningProblem problem, Rota rota) =>
        [.. RotaValidator.Validate(problem, rota).Violations.Where(v => v.Code == Code)];

    /// <summary>Groups g1, g2 and g3, plus a night post "night-12" covering g1 and g2.</summary>
    private static ProblemBuilder ThreeGroups() =>
        new ProblemBuilder().WithGroup("g1").WithGroup("g2").WithGroup("g3").WithDemand(new Demand("night-12", ["g1", "g2"], "N"));

    [Fact]
    public void Working_in_an_allowed_group_passes()
    {
        var problem = ThreeGroups().WithCaregiver("anna", allowedGroups: ["g1"]).Build();
        var rota = new RotaBuilder().Add("anna", Monday, "g1-E").Build();

        Check(problem, rota).Should().BeEmpty();
    }

    [Fact]
    public void No_allowed_groups_means_any_group()
    {
        var problem = ThreeGroups().WithCaregiver("anna").Build();
        var rota = new RotaBuilder().Add("anna", Monday, "g1-E").Add("anna", Tuesday, "g2-E").Add("anna", Monday.PlusDays(3), "night-12").Build();

        Check(problem, rota).Should().BeEmpty();
    }

    [Fact]
    public void Working_in_another_group_is_reported()
    {
        var problem = ThreeGroups().WithCaregiver("anna", allowedGroups: ["g1"]).Build();
        // g2-E: {g2} not in {g1}, 1 barred group > 0
        var rota = new RotaBuilder().Add("anna", Monday, "g1-E").Add("anna", Tuesday, "g2-E").Build();

        var violation = Check(problem, rota).Should().ContainSingle().Subject;

        violation.Severity.Should().Be(Severity.Hard);
        violation.CaregiverId.Should().Be("anna");
        violation.DemandId.Should().Be("g2-E");
        violation.From.Should().Be(Tuesday);
        violation.To.Should().Be(Tuesday);
        violation.Measured.Should().Be(1);
        violation.Limit.Should().Be(0);
        violation.Message.Should().Contain("g2");
    }

    [Fact]
    public void A_post_over_two_groups_needs_both()
    {
        var problem = ThreeGroups().WithCaregiver("anna", allowedGroups: ["g1"]).Build();
        // night-12 covers {g1, g2}; g2 is barred: 1
        var rota = new RotaBuilder().Add("anna", Tuesday, "night-12").Build();

        var violation = Check(problem, rota).Should().ContainSingle().Subject;

        violation.DemandId.Should().Be("night-12");
        violation.Measured.Should().Be(1);
    }

    [Fact]
    public void A_post_over_two_groups_allowed_in_both_passes()
    {
        var problem = ThreeGroups().WithCaregiver("anna", allowedGroups: ["g1", "g2"]).Build();
        var rota = new RotaBuilder().Add("anna", Tuesday, "night-12").Build();

        Check(problem, rota).Should().BeEmpty();
    }

    [Fact]
    public void Every_barred_group_of_a_post_counts()
    {
        var problem = ThreeGroups().WithCaregiver("anna", allowedGroups: ["g3"]).Build();
        // night-12 covers {g1, g2}, neither allowed: 2
        var rota = new RotaBuilder().Add("anna", Tuesday, "night-12").Build();

        Check(problem, rota).Should().ContainSingle().Which.Measured.Should().Be(2);
    }

    [Fact]
    public void A_changed_limit_allows_that_many_barred_groups()
    {
        var problem = ThreeGroups()
            .WithCaregiver("anna", allowedGroups: ["g1"])
            .WithCaregiver("ben", allowedGroups: ["g3"])
            .WithRule(Code, s => s with { Limit = 1 })
            .Build();
        // anna on night-12: 1 barred (<= 1, passes); ben on night-12: 2 barred (> 1)
        var rota = new RotaBuilder().Add("anna", Monday, "night-12").Add("ben", Tuesday, "night-12").Build();

        var violation = Check(problem, rota).Should().ContainSingle().Subject;

        violation.CaregiverId.Should().Be("ben");
        violation.Measured.Should().Be(2);
        violation.Limit.Should().Be(1);
    }

    [Fact]
    public void A_disabled_rule_reports_nothing()
    {
        var problem = ThreeGroups().WithCaregiver("anna", allowedGroups: ["g1"]).WithRule(Code, s => s with { Enabled = false }).Build();
        var rota = new RotaBuilder().Add("anna", Tuesday, "g2-E").Build();

        Check(problem, rota).Should().BeEmpty();
    }

    [Fact]
    public void Severity_can_be_lowered_to_soft()
    {
        var problem = ThreeGroups().WithCaregiver("anna", allowedGroups: ["g1"]).WithRule(Code, s => s with { Severity = Severity.Soft }).Build();
        var rota = new RotaBuilder().Add("anna", Tuesday, "g2-E").Build();

        Check(problem, rota).Should().ContainSingle().Which.Severity.Should().Be(Severity.Soft);
    }
}
