using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Domain.Tests.Support;
using NodaTime;

namespace ContinuityScheduler.Domain.Tests.Rules;

public class SkillsRuleTests
{
    private const string Code = "skills";
    private static readonly LocalDate Monday = ProblemBuilder.Monday;
    private static readonly LocalDate Wednesday = Monday.PlusDays(2);

    private static List<Violation> Check(PlanningProblem problem, Rota rota) =>
        [.. RotaValidator.Validate(problem, rota).Violations.Where(v => v.Code == Code)];

    private static ProblemBuilder WithNightPost(params string[] skills) =>
        new ProblemBuilder().WithGroup("g1").WithDemand(new Demand("g1-night", ["g1"], "N", skills: skills));

    [Fact]
    public void A_caregiver_with_the_skill_passes()
    {
        var problem = WithNightPost("night").WithCaregiver("anna", skills: ["night"]).Build();
        var rota = new RotaBuilder().Add("anna", Wednesday, "g1-night").Build();

        Check(problem, rota).Should().BeEmpty();
    }

    [Fact]
    public void A_demand_without_skills_takes_anyone()
    {
        var problem = WithNightPost("night").WithCaregiver("anna").Build();
        // g1-N needs no skill; anna has none
        var rota = new RotaBuilder().Add("anna", Wednesday, "g1-N").Build();

        Check(problem, rota).Should().BeEmpty();
    }

    [Fact]
    public void A_caregiver_without_the_skill_is_reported()
    {
        var problem = WithNightPost("night").WithCaregiver("anna", skills: ["infant"]).Build();
        // needs {night}, has {infant}: 1 missing > limit 0
        var rota = new RotaBuilder().Add("anna", Wednesday, "g1-night").Build();

        var violation = Check(problem, rota).Should().ContainSingle().Subject;

        violation.Severity.Should().Be(Severity.Hard);
        violation.CaregiverId.Should().Be("anna");
        violation.DemandId.Should().Be("g1-night");
        violation.From.Should().Be(Wednesday);
        violation.To.Should().Be(Wednesday);
        violation.Measured.Should().Be(1);
        violation.Limit.Should().Be(0);
        violation.Message.Should().Contain("night");
    }

    [Fact]
    public void Every_missing_skill_counts()
    {
        var problem = WithNightPost("night", "infant").WithCaregiver("anna").Build();
        // needs {night, infant}, has none: 2 missing
        var rota = new RotaBuilder().Add("anna", Wednesday, "g1-night").Build();

        var violation = Check(problem, rota).Should().ContainSingle().Subject;

        violation.Measured.Should().Be(2);
        violation.Limit.Should().Be(0);
    }

    [Fact]
    public void Having_one_of_two_skills_leaves_one_missing()
    {
        var problem = WithNightPost("night", "infant").WithCaregiver("anna", skills: ["infant"]).Build();
        // needs {night, infant}, has {infant}: 1 missing
        var rota = new RotaBuilder().Add("anna", Wednesday, "g1-night").Build();

        Check(problem, rota).Should().ContainSingle().Which.Measured.Should().Be(1);
    }

    [Fact]
    public void Each_shift_is_reported_on_its_own_date()
    {
        var problem = WithNightPost("night").WithCaregiver("anna").Build();
        // two unskilled nights, Monday and Wednesday: two violations
        var rota = new RotaBuilder().Add("anna", Monday, "g1-night").Add("anna", Wednesday, "g1-night").Build();

        Check(problem, rota).Select(v => v.From).Should().BeEquivalentTo([Monday, Wednesday]);
    }

    [Fact]
    public void A_changed_limit_allows_that_many_missing_skills()
    {
        var problem = WithNightPost("night", "infant").WithCaregiver("anna", skills: ["infant"]).WithCaregiver("ben")
            .WithRule(Code, s => s with { Limit = 1 })
            .Build();
        // anna misses 1 (<= 1, passes); ben misses 2 (> 1)
        var rota = new RotaBuilder().Add("anna", Monday, "g1-night").Add("ben", Wednesday, "g1-night").Build();

        var violation = Check(problem, rota).Should().ContainSingle().Subject;

        violation.CaregiverId.Should().Be("ben");
        violation.Measured.Should().Be(2);
        violation.Limit.Should().Be(1);
    }

    [Fact]
    public void A_disabled_rule_reports_nothing()
    {
        var problem = WithNightPost("night").WithCaregiver("anna").WithRule(Code, s => s with { Enabled = false }).Build();
        var rota = new RotaBuilder().Add("anna", Wednesday, "g1-night").Build();

        Check(problem, rota).Should().BeEmpty();
    }

    [Fact]
    public void Severity_can_be_lowered_to_soft()
    {
        var problem = WithNightPost("night").WithCaregiver("anna").WithRule(Code, s => s with { Severity = Severity.Soft }).Build();
        var rota = new RotaBuilder().Add("anna", Wednesday, "g1-night").Build();

        Check(problem, rota).Should().ContainSingle().Which.Severity.Should().Be(Severity.Soft);
    }
}
