using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Domain.Tests.Support;
using NodaTime;

namespace ContinuityScheduler.Domain.Tests.Rules;

public class WishesRuleTests
{
    private const string Code = "wishes";
    private static readonly LocalDate Monday = ProblemBuilder.Monday;
    private static readonly LocalDate Tuesday = Monday.PlusDays(1);
    private static readonly LocalDate Wednesday = Monday.PlusDays(2);
    private static readonly LocalDate Thursday = Monday.PlusDays(3);
    private static readonly LocalDate Friday = Monday.PlusDays(4);
    private static readonly LocalDate Saturday = Monday.PlusDays(5);

    private static List<Violation> Check(PlanningProblem problem, Rota rota) =>
        [.. RotaValidator.Validate(problem, rota).Violations.Where(v => v.Code == Code)];

    private static ProblemBuilder Wishing(params Wish[] wishes) =>
        new ProblemBuilder().WithGroup("g1").WithCaregiver("anna", wishes: wishes).WithCaregiver("ben");

    [Fact]
    public void Wishes_are_soft_by_default()
    {
        LabourRules.Default[Code].Severity.Should().Be(Severity.Soft);
    }

    [Fact]
    public void A_free_day_kept_free_passes()
    {
        var problem = Wishing(new Wish(false, Tuesday, null)).Build();
        var rota = new RotaBuilder().Add("anna", Monday, "g1-E").Add("anna", Wednesday, "g1-E").Add("ben", Tuesday, "g1-E").Build();

        Check(problem, rota).Should().BeEmpty();
    }

    [Fact]
    public void Working_on_a_wished_free_day_is_reported_with_its_weight()
    {
        var problem = Wishing(new Wish(false, Tuesday, null, weight: 3)).Build();
        // unmet wish of weight 3: measured 3, limit 0
        var rota = new RotaBuilder().Add("anna", Tuesday, "g1-E").Build();

        var violation = Check(problem, rota).Should().ContainSingle().Subject;

        violation.Severity.Should().Be(Severity.Soft);
        violation.CaregiverId.Should().Be("anna");
        violation.From.Should().Be(Tuesday);
        violation.To.Should().Be(Tuesday);
        violation.Measured.Should().Be(3);
        violation.Limit.Should().Be(0);
        violation.Message.Should().Contain("to be free");
    }

    [Fact]
    public void A_wished_working_day_worked_passes()
    {
        var problem = Wishing(new Wish(true, Wednesday, null)).Build();
        var rota = new RotaBuilder().Add("anna", Wednesday, "g1-L").Build();

        Check(problem, rota).Should().BeEmpty();
    }

    [Fact]
    public void A_wished_working_day_not_worked_is_reported()
    {
        var problem = Wishing(new Wish(true, Wednesday, null, weight: 2)).Build();
        // unmet wish of weight 2
        var rota = new RotaBuilder().Add("anna", Thursday, "g1-E").Build();

        var violation = Check(problem, rota).Should().ContainSingle().Subject;

        violation.From.Should().Be(Wednesday);
        violation.Measured.Should().Be(2);
        violation.Message.Should().Contain("to work");
    }

    [Fact]
    public void A_weekday_wish_applies_on_each_matching_date()
    {
        var problem = Wishing(new Wish(false, null, IsoDayOfWeek.Saturday, weight: 2)).Starting(Monday, 2).Build();
        // anna works both Saturdays of the two weeks: two violations of weight 2
        var rota = new RotaBuilder().Add("anna", Saturday, "g1-E").Add("anna", Saturday.PlusDays(7), "g1-E").Build();

        var violations = Check(problem, rota);

        violations.Select(v => v.From).Should().BeEquivalentTo([Saturday, Saturday.PlusDays(7)]);
        violations.Should().OnlyContain(v => v.Measured == 2 && v.CaregiverId == "anna");
    }

    [Fact]
    public void A_weekday_wish_met_on_one_date_is_reported_only_on_the_other()
    {
        var problem = Wishing(new Wish(false, null, IsoDayOfWeek.Saturday)).Starting(Monday, 2).Build();
        // first Saturday free, second worked
        var rota = new RotaBuilder().Add("anna", Friday, "g1-E").Add("anna", Saturday.PlusDays(7), "g1-E").Build();

        Check(problem, rota).Should().ContainSingle().Which.From.Should().Be(Saturday.PlusDays(7));
    }

    [Fact]
    public void A_wanted_weekday_unmet_is_reported_on_every_such_date()
    {
        var problem = Wishing(new Wish(true, null, IsoDayOfWeek.Wednesday)).Starting(Monday, 2).Build();
        // no Wednesday worked in two weeks: 2 violations
        Check(problem, new RotaBuilder().Build()).Select(v => v.From).Should().BeEquivalentTo([Wednesday, Wednesday.PlusDays(7)]);
    }

    [Fact]
    public void A_shift_type_wish_to_be_free_allows_other_shifts()
    {
        var problem = Wishing(new Wish(false, Friday, null, "N")).Build();
        // anna does not want the night on Friday; an early is fine
        var rota = new RotaBuilder().Add("anna", Friday, "g1-E").Build();

        Check(problem, rota).Should().BeEmpty();
    }

    [Fact]
    public void A_shift_type_wish_to_be_free_is_broken_by_that_shift()
    {
        var problem = Wishing(new Wish(false, Friday, null, "N", weight: 4)).Build();
        var rota = new RotaBuilder().Add("anna", Friday, "g1-N").Build();

        var violation = Check(problem, rota).Should().ContainSingle().Subject;

        violation.From.Should().Be(Friday);
        violation.Measured.Should().Be(4);
        violation.Message.Should().Contain("the N");
    }

    [Fact]
    public void A_wanted_shift_type_is_not_met_by_another_shift()
    {
        var problem = Wishing(new Wish(true, Thursday, null, "L")).Build();
        // anna wants the L on Thursday and gets the E
        var rota = new RotaBuilder().Add("anna", Thursday, "g1-E").Build();

        var violation = Check(problem, rota).Should().ContainSingle().Subject;

        violation.From.Should().Be(Thursday);
        violation.Measured.Should().Be(1);
    }

    [Fact]
    public void A_wanted_shift_type_worked_passes()
    {
        var problem = Wishing(new Wish(true, Thursday, null, "L")).Build();
        var rota = new RotaBuilder().Add("anna", Thursday, "g1-L").Build();

        Check(problem, rota).Should().BeEmpty();
    }

    [Fact]
    public void Wishes_outside_the_horizon_are_ignored()
    {
        var problem = Wishing(new Wish(true, Monday.PlusDays(7), null), new Wish(true, Monday.PlusDays(-1), null)).Build();

        Check(problem, new RotaBuilder().Build()).Should().BeEmpty();
    }

    [Fact]
    public void Severity_can_be_raised_to_hard()
    {
        var problem = Wishing(new Wish(false, Tuesday, null)).WithRule(Code, s => s with { Severity = Severity.Hard }).Build();
        var rota = new RotaBuilder().Add("anna", Tuesday, "g1-E").Build();

        Check(problem, rota).Should().ContainSingle().Which.Severity.Should().Be(Severity.Hard);
    }

    [Fact]
    public void A_disabled_rule_reports_nothing()
    {
        var problem = Wishing(new Wish(false, Tuesday, null)).WithRule(Code, s => s with { Enabled = false }).Build();
        var rota = new RotaBuilder().Add("anna", Tuesday, "g1-E").Build();

        Check(problem, rota).Should().BeEmpty();
    }
}
