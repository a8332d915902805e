using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Domain.Tests.Support;
using NodaTime;

namespace ContinuityScheduler.Domain.Tests.Rules;

public class AbsenceRuleTests
{
    private const string Code = "absence";
    private static readonly LocalDate Monday = ProblemBuilder.Monday;
    private static readonly LocalDate Tuesday = Monday.PlusDays(1);
    private static readonly LocalDate Wednesday = Monday.PlusDays(2);
    private static readonly LocalDate Thursday = Monday.PlusDays(3);

    private static List<Violation> Check(PlanningProblem problem, Rota rota) =>
        [.. RotaValidator.Validate(problem, rota).Violations.Where(v => v.Code == Code)];

    /// <summary>anna is away Tuesday and Wednesday.</summary>
    private static ProblemBuilder AwayTuesdayAndWednesday(AbsenceKind kind = AbsenceKind.Leave) => new ProblemBuilder()
        .WithGroup("g1")
        .WithCaregiver("anna", absences: [new Absence(kind, new DateInterval(Tuesday, Wednesday))]);

    [Fact]
    public void Working_around_the_absence_passes()
    {
        var problem = AwayTuesdayAndWednesday().Build();
        var rota = new RotaBuilder().Add("anna", Monday, "g1-E").Add("anna", Thursday, "g1-E").Build();

        Check(problem, rota).Should().BeEmpty();
    }

    [Theory]
    [InlineData(AbsenceKind.Leave, "leave")]
    [InlineData(AbsenceKind.Sickness, "sickness")]
    [InlineData(AbsenceKind.Training, "training")]
    [InlineData(AbsenceKind.Other, "other")]
    public void A_shift_on_a_day_of_absence_is_reported(AbsenceKind kind, string word)
    {
        var problem = AwayTuesdayAndWednesday(kind).Build();
        // one shift on an absent day: measured 1, limit 0
        var rota = new RotaBuilder().Add("anna", Monday, "g1-E").Add("anna", Tuesday, "g1-L").Build();

        var violation = Check(problem, rota).Should().ContainSingle().Subject;

        violation.Severity.Should().Be(Severity.Hard);
        violation.CaregiverId.Should().Be("anna");
        violation.From.Should().Be(Tuesday);
        violation.To.Should().Be(Tuesday);
        violation.Measured.Should().Be(1);
        violation.Limit.Should().Be(0);
        violation.Message.Should().Contain(word);
    }

    [Fact]
    public void Each_shift_during_the_absence_is_reported()
    {
        var problem = AwayTuesdayAndWednesday().Build();
        // Tuesday and Wednesday both absent: 2 violations
        var rota = new RotaBuilder().AddDays("anna", Monday, 4, "g1-E").Build();

        Check(problem, rota).Select(v => v.From).Should().BeEquivalentTo([Tuesday, Wednesday]);
    }

    [Fact]
    public void Only_the_absent_caregiver_is_reported()
    {
        var problem = AwayTuesdayAndWednesday().WithCaregiver("ben").Build();
        var rota = new RotaBuilder().Add("ben", Tuesday, "g1-E").Add("anna", Tuesday, "g1-L").Build();

        Check(problem, rota).Should().ContainSingle().Which.CaregiverId.Should().Be("anna");
    }

    [Fact]
    public void A_live_in_shift_spanning_days_of_absence_is_reported()
    {
        var problem = AwayTuesdayAndWednesday(AbsenceKind.Sickness).Build();
        // X from Monday 07:00 to Thursday 07:00: anna is on duty all of Tuesday and Wednesday while sick (DESIGN 4: nobody works while on leave or sick)
        var rota = new RotaBuilder().Add("anna", Monday, "g1-X").Build();

        Check(problem, rota).Should().NotBeEmpty().And.OnlyContain(v => v.CaregiverId == "anna");
    }

    [Fact]
    public void A_disabled_rule_reports_nothing()
    {
        var problem = AwayTuesdayAndWednesday().WithRule(Code, s => s with { Enabled = false }).Build();
        var rota = new RotaBuilder().Add("anna", Tuesday, "g1-E").Build();

        Check(problem, rota).Should().BeEmpty();
    }

    [Fact]
    public void Severity_can_be_lowered_to_soft()
    {
        var problem = AwayTuesdayAndWednesday().WithRule(Code, s => s with { Severity = Severity.Soft }).Build();
        var rota = new RotaBuilder().Add("anna", Tuesday, "g1-E").Build();

        Check(problem, rota).Should().ContainSingle().Which.Severity.Should().Be(Severity.Soft);
    }
}
