using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Domain.Tests.Support;
using NodaTime;

namespace ContinuityScheduler.Domain.Tests.Rules;

public class CoverageRuleTests
{
    private const string Code = "coverage";
    private static readonly LocalDate Monday = ProblemBuilder.Monday;
    private static readonly LocalDate Wednesday = Monday.PlusDays(2);
    private static readonly LocalDate Saturday = Monday.PlusDays(5);
    private static readonly LocalDate Sunday = Monday.PlusDays(6);

    private static List<Violation> Check(PlanningProblem problem, Rota rota) =>
        [.. RotaValidator.Validate(problem, rota).Violations.Where(v => v.Code == Code)];

    /// <summary>No standard group demands: only the given demand, and caregivers anna, ben and cleo.</summary>
    private static ProblemBuilder Only(Demand demand) =>
        new ProblemBuilder().WithDemand(demand).WithCaregiver("anna").WithCaregiver("ben").WithCaregiver("cleo");

    [Fact]
    public void Every_day_met_passes()
    {
        var problem = Only(new Demand("day", ["g1"], "E")).Build();
        var rota = new RotaBuilder().AddDays("anna", Monday, 4, "day").AddDays("ben", Monday.PlusDays(4), 3, "day").Build();

        Check(problem, rota).Should().BeEmpty();
    }

    [Fact]
    public void An_empty_rota_misses_every_day()
    {
        var problem = Only(new Demand("day", ["g1"], "E")).Build();
        // 7 dates, each 0 of 1
        var violations = Check(problem, new RotaBuilder().Build());

        violations.Should().HaveCount(7);
        violations.Select(v => v.From).Should().BeEquivalentTo(new DateInterval(Monday, Sunday));
        violations.Should().OnlyContain(v => v.Severity == Severity.Hard && v.Measured == 0 && v.Limit == 1 && v.DemandId == "day" && v.From == v.To);
    }

    [Fact]
    public void A_shortfall_is_hard_with_assigned_against_count()
    {
        var problem = Only(new Demand("day", ["g1"], "E", count: 2)).Build();
        // Monday–Saturday anna + ben (2 of 2); Sunday ben only (1 of 2)
        var rota = new RotaBuilder().AddDays("anna", Monday, 6, "day").AddDays("ben", Monday, 7, "day").Build();

        var violation = Check(problem, rota).Should().ContainSingle().Subject;

        violation.Severity.Should().Be(Severity.Hard);
        violation.DemandId.Should().Be("day");
        violation.CaregiverId.Should().BeNull();
        violation.From.Should().Be(Sunday);
        violation.To.Should().Be(Sunday);
        violation.Measured.Should().Be(1);
        violation.Limit.Should().Be(2);
    }

    [Fact]
    public void Too_many_people_is_soft()
    {
        var problem = Only(new Demand("day", ["g1"], "E")).Build();
        // Monday: anna + ben = 2 where 1 is needed; every other day 1 of 1
        var rota = new RotaBuilder().AddDays("anna", Monday, 7, "day").Add("ben", Monday, "day").Build();

        var violation = Check(problem, rota).Should().ContainSingle().Subject;

        violation.Severity.Should().Be(Severity.Soft);
        violation.DemandId.Should().Be("day");
        violation.From.Should().Be(Monday);
        violation.Measured.Should().Be(2);
        violation.Limit.Should().Be(1);
    }

    [Fact]
    public void A_weekday_demand_applies_only_on_its_weekdays()
    {
        var problem = Only(new Demand("sat", ["g1"], "D", weekdays: [IsoDayOfWeek.Saturday])).Build();
        var rota = new RotaBuilder().Add("anna", Saturday, "sat").Build();

        Check(problem, rota).Should().BeEmpty();
    }

    [Fact]
    public void A_weekday_demand_unmet_is_reported_only_on_its_weekday()
    {
        var problem = Only(new Demand("sat", ["g1"], "D", weekdays: [IsoDayOfWeek.Saturday])).Build();
        // only Saturday applies: 0 of 1
        var violation = Check(problem, new RotaBuilder().Build()).Should().ContainSingle().Subject;

        violation.From.Should().Be(Saturday);
        violation.Severity.Should().Be(Severity.Hard);
        violation.Measured.Should().Be(0);
        violation.Limit.Should().Be(1);
    }

    [Fact]
    public void Working_a_demand_on_a_date_it_does_not_apply_is_soft()
    {
        var problem = Only(new Demand("sat", ["g1"], "D", weekdays: [IsoDayOfWeek.Saturday])).Build();
        // Saturday 1 of 1; Monday 1 where 0 are needed
        var rota = new RotaBuilder().Add("anna", Saturday, "sat").Add("ben", Monday, "sat").Build();

        var violation = Check(problem, rota).Should().ContainSingle().Subject;

        violation.Severity.Should().Be(Severity.Soft);
        violation.DemandId.Should().Be("sat");
        violation.From.Should().Be(Monday);
        violation.Measured.Should().Be(1);
        violation.Limit.Should().Be(0);
    }

    [Fact]
    public void A_dated_demand_applies_only_on_its_dates()
    {
        var problem = Only(new Demand("outing", ["g1"], "D", count: 2, dates: [Wednesday])).Build();
        // Wednesday 1 of 2
        var rota = new RotaBuilder().Add("anna", Wednesday, "outing").Build();

        var violation = Check(problem, rota).Should().ContainSingle().Subject;

        violation.From.Should().Be(Wednesday);
        violation.Measured.Should().Be(1);
        violation.Limit.Should().Be(2);
    }

    [Fact]
    public void A_night_post_over_two_groups_is_met_by_one_caregiver()
    {
        var problem = Only(new Demand("night-12", ["g1", "g2"], "N", weekdays: [IsoDayOfWeek.Wednesday])).Build();
        var rota = new RotaBuilder().Add("anna", Wednesday, "night-12").Build();

        Check(problem, rota).Should().BeEmpty();
    }

    [Fact]
    public void The_same_caregiver_twice_is_one_caregiver()
    {
        var problem = Only(new Demand("outing", ["g1"], "D", count: 2, dates: [Wednesday])).Build();
        // anna listed twice is still 1 caregiver of 2
        var rota = new RotaBuilder().Add("anna", Wednesday, "outing").Add("anna", Wednesday, "outing").Build();

        var violation = Check(problem, rota).Should().ContainSingle().Subject;

        violation.Measured.Should().Be(1);
        violation.Limit.Should().Be(2);
    }

    [Fact]
    public void An_assignment_after_the_horizon_is_hard()
    {
        var problem = Only(new Demand("sat", ["g1"], "D", weekdays: [IsoDayOfWeek.Saturday])).Build();
        var nextMonday = Monday.PlusDays(7);
        var rota = new RotaBuilder().Add("anna", Saturday, "sat").Add("ben", nextMonday, "sat").Build();

        var violation = Check(problem, rota).Should().ContainSingle().Subject;

        violation.Severity.Should().Be(Severity.Hard);
        violation.CaregiverId.Should().Be("ben");
        violation.DemandId.Should().Be("sat");
        violation.From.Should().Be(nextMonday);
        violation.To.Should().Be(nextMonday);
        violation.Measured.Should().Be(1);
        violation.Limit.Should().Be(0);
    }

    [Fact]
    public void An_assignment_before_the_horizon_is_hard()
    {
        var problem = Only(new Demand("sat", ["g1"], "D", weekdays: [IsoDayOfWeek.Saturday])).Build();
        var lastSaturday = Saturday.PlusDays(-7);
        var rota = new RotaBuilder().Add("anna", Saturday, "sat").Add("ben", lastSaturday, "sat").Build();

        var violation = Check(problem, rota).Should().ContainSingle().Subject;

        violation.Severity.Should().Be(Severity.Hard);
        violation.From.Should().Be(lastSaturday);
        violation.CaregiverId.Should().Be("ben");
    }

    [Fact]
    public void Severity_override_applies_to_shortfalls_but_outside_the_horizon_stays_hard()
    {
        var problem = Only(new Demand("sat", ["g1"], "D", weekdays: [IsoDayOfWeek.Saturday]))
            .WithRule(Code, s => s with { Severity = Severity.Soft })
            .Build();
        // Saturday 0 of 1 (soft now); next Saturday outside the horizon (hard)
        var rota = new RotaBuilder().Add("anna", Saturday.PlusDays(7), "sat").Build();

        var violations = Check(problem, rota);

        violations.Should().HaveCount(2);
        violations.Should().ContainSingle(v => v.From == Saturday).Which.Severity.Should().Be(Severity.Soft);
        violations.Should().ContainSingle(v => v.From == Saturday.PlusDays(7)).Which.Severity.Should().Be(Severity.Hard);
    }

    [Fact]
    public void A_disabled_rule_reports_nothing()
    {
        var problem = Only(new Demand("day", ["g1"], "E")).WithRule(Code, s => s with { Enabled = false }).Build();

        Check(problem, new RotaBuilder().Add("anna", Monday.PlusDays(7), "day").Build()).Should().BeEmpty();
    }

    [Fact]
    public void Standard_groups_need_every_post_every_day()
    {
        var problem = new ProblemBuilder().WithGroup("g1").WithCaregiver("anna").Build();
        // 6 posts (E, L, D, N, S, X) x 7 days = 42 shortfalls, minus the one filled
        var rota = new RotaBuilder().Add("anna", Monday, "g1-E").Build();

        var violations = Check(problem, rota);

        violations.Should().HaveCount(41);
        violations.Should().NotContain(v => v.DemandId == "g1-E" && v.From == Monday);
    }
}
