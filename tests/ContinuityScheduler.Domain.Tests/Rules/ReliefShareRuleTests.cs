using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Domain.Tests.Support;
using NodaTime;

namespace ContinuityScheduler.Domain.Tests.Rules;

public class ReliefShareRuleTests
{
    private const string Code = "relief-share";
    private static readonly LocalDate Monday = ProblemBuilder.Monday;
    private static readonly LocalDate Tuesday = Monday.PlusDays(1);

    private static List<Violation> Check(PlanningProblem problem, Rota rota) =>
        [.. RotaValidator.Validate(problem, rota).Violations.Where(v => v.Code == Code)];

    /// <summary>
    /// Groups g1 and g2, an early post "g1-E3" for three in g1, a night post "night-12" over g1 and g2;
    /// permanent paula and petra, relief rick, agency alex.
    /// </summary>
    private static ProblemBuilder Home() => new ProblemBuilder()
        .WithGroup("g1")
        .WithGroup("g2")
        .WithDemand(new Demand("g1-E3", ["g1"], "E", count: 3))
        .WithDemand(new Demand("night-12", ["g1", "g2"], "N"))
        .WithCaregiver("paula")
        .WithCaregiver("petra")
        .WithCaregiver("rick", type: EmploymentType.Relief)
        .WithCaregiver("alex", type: EmploymentType.Agency);

    [Fact]
    public void Default_limit_is_half_and_hard()
    {
        LabourRules.Default[Code].Should().Be(new RuleSettings(true, Severity.Hard, 0.5));
    }

    [Fact]
    public void Only_permanent_staff_pass()
    {
        var problem = Home().Build();
        var rota = new RotaBuilder().Add("paula", Monday, "g1-E3").Add("petra", Monday, "g1-E3").Build();

        Check(problem, rota).Should().BeEmpty();
    }

    [Fact]
    public void One_relief_of_two_is_exactly_the_limit_and_passes()
    {
        var problem = Home().Build();
        // 1 / 2 = 0.5, not above 0.5
        var rota = new RotaBuilder().Add("paula", Monday, "g1-E3").Add("rick", Monday, "g1-E3").Build();

        Check(problem, rota).Should().BeEmpty();
    }

    [Fact]
    public void Two_on_call_of_three_are_reported()
    {
        var problem = Home().Build();
        // relief + agency of 3 = 2 / 3 = 0.67 > 0.5
        var rota = new RotaBuilder()
            .Add("paula", Tuesday, "g1-E3")
            .Add("rick", Tuesday, "g1-E3")
            .Add("alex", Tuesday, "g1-E3")
            .Build();

        var violation = Check(problem, rota).Should().ContainSingle().Subject;

        violation.Severity.Should().Be(Severity.Hard);
        violation.GroupId.Should().Be("g1");
        violation.CaregiverId.Should().BeNull();
        violation.From.Should().Be(Tuesday);
        violation.To.Should().Be(Tuesday);
        violation.Measured.Should().Be(0.67);
        violation.Limit.Should().Be(0.5);
    }

    [Fact]
    public void A_relief_caregiver_alone_is_a_share_of_one()
    {
        var problem = Home().Build();
        // 1 / 1 = 1
        var rota = new RotaBuilder().Add("rick", Monday, "g1-L").Build();

        var violation = Check(problem, rota).Should().ContainSingle().Subject;

        violation.Measured.Should().Be(1);
        violation.GroupId.Should().Be("g1");
    }

    [Fact]
    public void Posts_of_the_same_shift_type_and_group_count_together()
    {
        var problem = Home().Build();
        // g1-E and g1-E3 are both the E in g1: rick + paula = 1 / 2 = 0.5, passes
        var rota = new RotaBuilder().Add("rick", Monday, "g1-E").Add("paula", Monday, "g1-E3").Build();

        Check(problem, rota).Should().BeEmpty();
    }

    [Fact]
    public void Different_shift_types_count_apart()
    {
        var problem = Home().Build();
        // rick alone on the E (1 / 1), paula alone on the L (0 / 1)
        var rota = new RotaBuilder().Add("rick", Monday, "g1-E").Add("paula", Monday, "g1-L").Build();

        var violation = Check(problem, rota).Should().ContainSingle().Subject;

        violation.Measured.Should().Be(1);
        violation.Message.Should().Contain("on the E in g1");
    }

    [Fact]
    public void Different_dates_count_apart()
    {
        var problem = Home().Build();
        // Monday paula alone (0 / 1), Tuesday rick alone (1 / 1)
        var rota = new RotaBuilder().Add("paula", Monday, "g1-E").Add("rick", Tuesday, "g1-E").Build();

        Check(problem, rota).Should().ContainSingle().Which.From.Should().Be(Tuesday);
    }

    [Fact]
    public void A_night_post_over_two_groups_counts_in_each_group()
    {
        var problem = Home().Build();
        // g1 N: rick (night-12) + paula (g1-N) = 0.5, passes; g2 N: rick alone = 1
        var rota = new RotaBuilder().Add("rick", Tuesday, "night-12").Add("paula", Tuesday, "g1-N").Build();

        var violation = Check(problem, rota).Should().ContainSingle().Subject;

        violation.GroupId.Should().Be("g2");
        violation.Measured.Should().Be(1);
        violation.From.Should().Be(Tuesday);
    }

    [Fact]
    public void A_night_post_over_two_groups_alone_is_reported_for_both()
    {
        var problem = Home().Build();
        // rick alone on night-12: 1 in g1 and 1 in g2
        var rota = new RotaBuilder().Add("rick", Tuesday, "night-12").Build();

        Check(problem, rota).Select(v => v.GroupId).Should().BeEquivalentTo(["g1", "g2"]);
    }

    [Fact]
    public void A_changed_limit_lets_two_of_three_pass()
    {
        var problem = Home().WithRule(Code, s => s with { Limit = 0.7 }).Build();
        // 2 / 3 = 0.67 <= 0.7
        var rota = new RotaBuilder()
            .Add("paula", Tuesday, "g1-E3")
            .Add("rick", Tuesday, "g1-E3")
            .Add("alex", Tuesday, "g1-E3")
            .Build();

        Check(problem, rota).Should().BeEmpty();
    }

    [Fact]
    public void A_limit_of_zero_forbids_any_relief()
    {
        var problem = Home().WithRule(Code, s => s with { Limit = 0 }).Build();
        // 1 / 2 = 0.5 > 0
        var rota = new RotaBuilder().Add("paula", Monday, "g1-E3").Add("rick", Monday, "g1-E3").Build();

        var violation = Check(problem, rota).Should().ContainSingle().Subject;

        violation.Measured.Should().Be(0.5);
        violation.Limit.Should().Be(0);
    }

    [Fact]
    public void A_disabled_rule_reports_nothing()
    {
        var problem = Home().WithRule(Code, s => s with { Enabled = false }).Build();
        var rota = new RotaBuilder().Add("rick", Monday, "g1-E").Build();

        Check(problem, rota).Should().BeEmpty();
    }

    [Fact]
    public void Severity_can_be_lowered_to_soft()
    {
        var problem = Home().WithRule(Code, s => s with { Severity = Severity.Soft }).Build();
        var rota = new RotaBuilder().Add("rick", Monday, "g1-E").Build();

        Check(problem, rota).Should().ContainSingle().Which.Severity.Should().Be(Severity.Soft);
    }
}
