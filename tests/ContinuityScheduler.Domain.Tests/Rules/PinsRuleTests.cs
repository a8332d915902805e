using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Domain.Tests.Support;
using NodaTime;

namespace ContinuityScheduler.Domain.Tests.Rules;

public class PinsRuleTests
{
    private const string Code = "pins";
    private static readonly LocalDate Monday = ProblemBuilder.Monday;
    private static readonly LocalDate Tuesday = Monday.PlusDays(1);
    private static readonly LocalDate Wednesday = Monday.PlusDays(2);

    private static List<Violation> Check(PlanningProblem problem, Rota rota) =>
        [.. RotaValidator.Validate(problem, rota).Violations.Where(v => v.Code == Code)];

    private static ProblemBuilder Home(params Pin[] pins)
    {
        var builder = new ProblemBuilder().WithGroup("g1").WithCaregiver("anna").WithCaregiver("ben");
        foreach (var pin in pins)
        {
            builder.WithPin(pin);
        }

        return builder;
    }

    [Fact]
    public void A_required_pin_in_the_rota_passes()
    {
        var problem = Home(new Pin(PinKind.Require, "anna", Tuesday, "g1-E")).Build();
        var rota = new RotaBuilder().Add("anna", Tuesday, "g1-E").Build();

        Check(problem, rota).Should().BeEmpty();
    }

    [Fact]
    public void A_missing_required_pin_is_reported()
    {
        var problem = Home(new Pin(PinKind.Require, "anna", Tuesday, "g1-E")).Build();
        // 0 matching assignments where 1 is required
        var rota = new RotaBuilder().Add("anna", Monday, "g1-E").Build();

        var violation = Check(problem, rota).Should().ContainSingle().Subject;

        violation.Severity.Should().Be(Severity.Hard);
        violation.CaregiverId.Should().Be("anna");
        violation.DemandId.Should().Be("g1-E");
        violation.From.Should().Be(Tuesday);
        violation.To.Should().Be(Tuesday);
        violation.Measured.Should().Be(0);
        violation.Limit.Should().Be(1);
    }

    [Fact]
    public void A_required_pin_is_not_met_by_another_demand_the_same_day()
    {
        var problem = Home(new Pin(PinKind.Require, "anna", Tuesday, "g1-E")).Build();
        // anna works the L, not the pinned E
        var rota = new RotaBuilder().Add("anna", Tuesday, "g1-L").Build();

        Check(problem, rota).Should().ContainSingle().Which.Measured.Should().Be(0);
    }

    [Fact]
    public void A_required_pin_is_not_met_by_another_caregiver()
    {
        var problem = Home(new Pin(PinKind.Require, "anna", Tuesday, "g1-E")).Build();
        var rota = new RotaBuilder().Add("ben", Tuesday, "g1-E").Build();

        Check(problem, rota).Should().ContainSingle().Which.CaregiverId.Should().Be("anna");
    }

    [Fact]
    public void A_forbidding_pin_for_a_demand_allows_other_shifts_that_day()
    {
        var problem = Home(new Pin(PinKind.Forbid, "anna", Tuesday, "g1-E")).Build();
        var rota = new RotaBuilder().Add("anna", Tuesday, "g1-L").Add("ben", Tuesday, "g1-E").Build();

        Check(problem, rota).Should().BeEmpty();
    }

    [Fact]
    public void A_forbidden_demand_worked_is_reported()
    {
        var problem = Home(new Pin(PinKind.Forbid, "anna", Tuesday, "g1-E")).Build();
        // 1 matching assignment where 0 are allowed
        var rota = new RotaBuilder().Add("anna", Tuesday, "g1-E").Build();

        var violation = Check(problem, rota).Should().ContainSingle().Subject;

        violation.Severity.Should().Be(Severity.Hard);
        violation.CaregiverId.Should().Be("anna");
        violation.DemandId.Should().Be("g1-E");
        violation.From.Should().Be(Tuesday);
        violation.To.Should().Be(Tuesday);
        violation.Measured.Should().Be(1);
        violation.Limit.Should().Be(0);
    }

    [Fact]
    public void A_forbidding_pin_without_a_demand_forbids_any_shift_that_day()
    {
        var problem = Home(new Pin(PinKind.Forbid, "anna", Tuesday)).Build();
        // anna works the L on the day off: 1 matching, 0 allowed
        var rota = new RotaBuilder().Add("anna", Tuesday, "g1-L").Build();

        var violation = Check(problem, rota).Should().ContainSingle().Subject;

        violation.CaregiverId.Should().Be("anna");
        violation.DemandId.Should().BeNull();
        violation.From.Should().Be(Tuesday);
        violation.Measured.Should().Be(1);
        violation.Limit.Should().Be(0);
    }

    [Fact]
    public void A_forbidding_pin_without_a_demand_leaves_other_days_and_people_free()
    {
        var problem = Home(new Pin(PinKind.Forbid, "anna", Tuesday)).Build();
        var rota = new RotaBuilder().Add("anna", Monday, "g1-E").Add("anna", Wednesday, "g1-E").Add("ben", Tuesday, "g1-L").Build();

        Check(problem, rota).Should().BeEmpty();
    }

    [Fact]
    public void Each_broken_pin_is_reported()
    {
        var problem = Home(new Pin(PinKind.Require, "anna", Monday, "g1-E"), new Pin(PinKind.Forbid, "ben", Wednesday)).Build();
        // anna's Monday E missing; ben works Wednesday
        var rota = new RotaBuilder().Add("ben", Wednesday, "g1-N").Build();

        Check(problem, rota).Select(v => (v.CaregiverId, v.From)).Should().BeEquivalentTo([("anna", Monday), ("ben", Wednesday)]);
    }

    [Fact]
    public void Pins_outside_the_horizon_are_ignored()
    {
        var problem = Home(new Pin(PinKind.Require, "anna", Monday.PlusDays(7), "g1-E")).Build();

        Check(problem, new RotaBuilder().Build()).Should().BeEmpty();
    }

    [Fact]
    public void A_disabled_rule_reports_nothing()
    {
        var problem = Home(new Pin(PinKind.Require, "anna", Tuesday, "g1-E")).WithRule(Code, s => s with { Enabled = false }).Build();

        Check(problem, new RotaBuilder().Build()).Should().BeEmpty();
    }

    [Fact]
    public void Severity_can_be_lowered_to_soft()
    {
        var problem = Home(new Pin(PinKind.Require, "anna", Tuesday, "g1-E")).WithRule(Code, s => s with { Severity = Severity.Soft }).Build();

        Check(problem, new RotaBuilder().Build()).Should().ContainSingle().Which.Severity.Should().Be(Severity.Soft);
    }
}
