using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Domain.Tests.Support;
using NodaTime;

namespace ContinuityScheduler.Domain.Tests.Rules;

public class ContractHoursRuleTests
{
    private const string Code = "contract-hours";
    private static readonly LocalDate Monday = ProblemBuilder.Monday;
    private static readonly LocalDate Sunday = Monday.PlusDays(6);

    private static List<Violation> Check(PlanningProblem problem, Rota rota) =>
        [.. RotaValidator.Validate(problem, rota).Violations.Where(v => v.Code == Code)];

    private static ProblemBuilder OneGroup() => new ProblemBuilder().WithGroup("g1");

    [Fact]
    public void Defaults_are_eight_hours_per_four_weeks_and_hard()
    {
        var settings = LabourRules.Default[Code];

        settings.Should().Be(new RuleSettings(true, Severity.Hard, 8, 4));
    }

    [Fact]
    public void Hours_within_target_plus_or_minus_tolerance_pass()
    {
        var problem = OneGroup().WithCaregiver("anna", 37).Build();
        // 3 E (24 h) + 1 D (14.5 h) = 38.5 h, inside 37 ± 2 = [35, 39]
        var rota = new RotaBuilder().AddDays("anna", Monday, 3, "g1-E").Add("anna", Monday.PlusDays(3), "g1-D").Build();

        Check(problem, rota).Should().BeEmpty();
    }

    [Fact]
    public void Too_few_hours_are_reported_with_the_floor()
    {
        var problem = OneGroup().WithCaregiver("anna", 37).Build();
        // 4 E = 32 h; target 37, tolerance 8 * 1 / 4 = 2, floor 35
        var rota = new RotaBuilder().AddDays("anna", Monday, 4, "g1-E").Build();

        var violation = Check(problem, rota).Should().ContainSingle().Subject;

        violation.Severity.Should().Be(Severity.Hard);
        violation.CaregiverId.Should().Be("anna");
        violation.From.Should().Be(Monday);
        violation.To.Should().Be(Sunday);
        violation.Measured.Should().Be(32);
        violation.Limit.Should().Be(35);
    }

    [Fact]
    public void Too_many_hours_are_reported_with_the_ceiling()
    {
        var problem = OneGroup().WithCaregiver("anna", 37).Build();
        // 5 E = 40 h; ceiling 37 + 2 = 39
        var rota = new RotaBuilder().AddDays("anna", Monday, 5, "g1-E").Build();

        var violation = Check(problem, rota).Should().ContainSingle().Subject;

        violation.Measured.Should().Be(40);
        violation.Limit.Should().Be(39);
        violation.CaregiverId.Should().Be("anna");
        violation.From.Should().Be(Monday);
        violation.To.Should().Be(Sunday);
    }

    [Fact]
    public void Exactly_the_floor_passes()
    {
        var problem = OneGroup().WithCaregiver("anna", 34).Build();
        // 4 E = 32 h; target 34, floor 34 - 2 = 32: on the boundary
        var rota = new RotaBuilder().AddDays("anna", Monday, 4, "g1-E").Build();

        Check(problem, rota).Should().BeEmpty();
    }

    [Fact]
    public void Exactly_the_ceiling_passes()
    {
        var problem = OneGroup().WithCaregiver("anna", 38).Build();
        // 5 E = 40 h; target 38, ceiling 38 + 2 = 40: on the boundary
        var rota = new RotaBuilder().AddDays("anna", Monday, 5, "g1-E").Build();

        Check(problem, rota).Should().BeEmpty();
    }

    [Fact]
    public void Nobody_working_at_all_is_below_the_floor()
    {
        var problem = OneGroup().WithCaregiver("anna", 37).Build();
        // 0 h against floor 35
        var violation = Check(problem, new RotaBuilder().Build()).Should().ContainSingle().Subject;

        violation.Measured.Should().Be(0);
        violation.Limit.Should().Be(35);
    }

    [Fact]
    public void Sleep_ins_count_as_working_time_not_paid_time()
    {
        var problem = OneGroup().WithCaregiver("anna", 37).Build();
        // 3 S (11 h each, working factor 1) + 1 E = 41 h > 39; at the paid rate it would be 24.5 h
        var rota = new RotaBuilder()
            .Add("anna", Monday, "g1-S")
            .Add("anna", Monday.PlusDays(2), "g1-S")
            .Add("anna", Monday.PlusDays(4), "g1-S")
            .Add("anna", Monday.PlusDays(6), "g1-E")
            .Build();

        var violation = Check(problem, rota).Should().ContainSingle().Subject;

        violation.Measured.Should().Be(41);
        violation.Limit.Should().Be(39);
    }

    [Fact]
    public void Hours_are_counted_on_real_time_over_a_clock_change()
    {
        var autumnMonday = new LocalDate(2026, 10, 19);
        var problem = OneGroup().Starting(autumnMonday).WithCaregiver("anna", 37).Build();
        // 4 E = 32 h + N Saturday 22:00 CEST to Sunday 07:00 CET = 10 h (clocks go back 25 Oct) = 42 h > 39; on the wall clock it would be 41
        var rota = new RotaBuilder().AddDays("anna", autumnMonday, 4, "g1-E").Add("anna", autumnMonday.PlusDays(5), "g1-N").Build();

        var violation = Check(problem, rota).Should().ContainSingle().Subject;

        violation.Measured.Should().Be(42);
        violation.Limit.Should().Be(39);
    }

    [Fact]
    public void Tolerance_scales_with_the_horizon()
    {
        var problem = OneGroup().Starting(Monday, 2).WithCaregiver("anna", 37).Build();
        // 2 weeks: target 74, tolerance 8 * 2 / 4 = 4, floor 70; 8 E = 64 h
        var rota = new RotaBuilder().AddDays("anna", Monday, 4, "g1-E").AddDays("anna", Monday.PlusDays(7), 4, "g1-E").Build();

        var violation = Check(problem, rota).Should().ContainSingle().Subject;

        violation.Measured.Should().Be(64);
        violation.Limit.Should().Be(70);
        violation.From.Should().Be(Monday);
        violation.To.Should().Be(Monday.PlusDays(13));
    }

    [Fact]
    public void Two_week_horizon_within_its_wider_tolerance_passes()
    {
        var problem = OneGroup().Starting(Monday, 2).WithCaregiver("anna", 37).Build();
        // 9 E = 72 h inside 74 ± 4 = [70, 78]
        var rota = new RotaBuilder().AddDays("anna", Monday, 5, "g1-E").AddDays("anna", Monday.PlusDays(7), 4, "g1-E").Build();

        Check(problem, rota).Should().BeEmpty();
    }

    [Fact]
    public void Days_of_absence_lower_the_target_by_a_seventh_of_the_weekly_hours()
    {
        var leave = new Absence(AbsenceKind.Leave, new DateInterval(Monday, Monday.PlusDays(1)));
        var problem = OneGroup().WithCaregiver("anna", 37, absences: [leave]).Build();
        // target 37 * (1 - 2/7) = 26.43, floor 24.43; 3 E = 24 h
        var rota = new RotaBuilder().AddDays("anna", Monday.PlusDays(2), 3, "g1-E").Build();

        var violation = Check(problem, rota).Should().ContainSingle().Subject;

        violation.Measured.Should().Be(24);
        violation.Limit.Should().Be(24.43);
    }

    [Fact]
    public void Absence_lowers_the_ceiling_too()
    {
        var leave = new Absence(AbsenceKind.Sickness, new DateInterval(Monday, Monday.PlusDays(1)));
        var problem = OneGroup().WithCaregiver("anna", 37, absences: [leave]).Build();
        // ceiling 26.43 + 2 = 28.43; 2 E + 1 D = 30.5 h
        var rota = new RotaBuilder()
            .AddDays("anna", Monday.PlusDays(2), 2, "g1-E")
            .Add("anna", Monday.PlusDays(5), "g1-D")
            .Build();

        var violation = Check(problem, rota).Should().ContainSingle().Subject;

        violation.Measured.Should().Be(30.5);
        violation.Limit.Should().Be(28.43);
    }

    [Fact]
    public void Hours_within_the_lowered_target_pass()
    {
        var leave = new Absence(AbsenceKind.Leave, new DateInterval(Monday, Monday.PlusDays(1)));
        var problem = OneGroup().WithCaregiver("anna", 37, absences: [leave]).Build();
        // 2 E + 1 N = 25 h inside [24.43, 28.43]
        var rota = new RotaBuilder()
            .AddDays("anna", Monday.PlusDays(2), 2, "g1-E")
            .Add("anna", Monday.PlusDays(5), "g1-N")
            .Build();

        Check(problem, rota).Should().BeEmpty();
    }

    [Fact]
    public void Only_absence_days_inside_the_horizon_lower_the_target()
    {
        var leave = new Absence(AbsenceKind.Leave, new DateInterval(Monday.PlusDays(-3), Monday));
        var problem = OneGroup().WithCaregiver("anna", 37, absences: [leave]).Build();
        // 1 day inside: target 37 * 6/7 = 31.71, range [29.71, 33.71]; 4 E = 32 h passes (all 4 days would give ceiling 17.86)
        var rota = new RotaBuilder().AddDays("anna", Monday.PlusDays(1), 4, "g1-E").Build();

        Check(problem, rota).Should().BeEmpty();
    }

    [Theory]
    [InlineData(EmploymentType.Relief)]
    [InlineData(EmploymentType.Agency)]
    public void On_call_staff_have_no_floor(EmploymentType type)
    {
        var problem = OneGroup().WithCaregiver("rick", 37, type).Build();
        // 1 E = 8 h, far below 35, but relief and agency staff only have a ceiling
        var rota = new RotaBuilder().Add("rick", Monday, "g1-E").Build();

        Check(problem, rota).Should().BeEmpty();
    }

    [Theory]
    [InlineData(EmploymentType.Relief)]
    [InlineData(EmploymentType.Agency)]
    public void On_call_staff_have_the_ceiling(EmploymentType type)
    {
        var problem = OneGroup().WithCaregiver("rick", 37, type).Build();
        // 5 E = 40 h > 37 + 2 = 39
        var rota = new RotaBuilder().AddDays("rick", Monday, 5, "g1-E").Build();

        var violation = Check(problem, rota).Should().ContainSingle().Subject;

        violation.CaregiverId.Should().Be("rick");
        violation.Measured.Should().Be(40);
        violation.Limit.Should().Be(39);
    }

    [Fact]
    public void Each_caregiver_is_judged_on_their_own_contract()
    {
        var problem = OneGroup().WithCaregiver("anna", 37).WithCaregiver("ben", 24).Build();
        // anna 3 E + D = 38.5 in [35, 39]; ben 4 E = 32 > 24 + 2 = 26
        var rota = new RotaBuilder()
            .AddDays("anna", Monday, 3, "g1-E").Add("anna", Monday.PlusDays(3), "g1-D")
            .AddDays("ben", Monday, 4, "g1-L")
            .Build();

        var violation = Check(problem, rota).Should().ContainSingle().Subject;

        violation.CaregiverId.Should().Be("ben");
        violation.Measured.Should().Be(32);
        violation.Limit.Should().Be(26);
    }

    [Fact]
    public void A_changed_limit_narrows_the_tolerance()
    {
        var problem = OneGroup().WithCaregiver("anna", 37).WithRule(Code, s => s with { Limit = 0 }).Build();
        // tolerance 0: 3 E + D = 38.5 > 37
        var rota = new RotaBuilder().AddDays("anna", Monday, 3, "g1-E").Add("anna", Monday.PlusDays(3), "g1-D").Build();

        var violation = Check(problem, rota).Should().ContainSingle().Subject;

        violation.Measured.Should().Be(38.5);
        violation.Limit.Should().Be(37);
    }

    [Fact]
    public void A_shorter_period_widens_the_tolerance()
    {
        var problem = OneGroup().WithCaregiver("anna", 37).WithRule(Code, s => s with { Weeks = 1 }).Build();
        // tolerance 8 * 1 / 1 = 8, range [29, 45]: 4 E = 32 h passes
        var rota = new RotaBuilder().AddDays("anna", Monday, 4, "g1-E").Build();

        Check(problem, rota).Should().BeEmpty();
    }

    [Fact]
    public void A_disabled_rule_reports_nothing()
    {
        var problem = OneGroup().WithCaregiver("anna", 37).WithRule(Code, s => s with { Enabled = false }).Build();
        // 4 E = 32 h would be below 35
        var rota = new RotaBuilder().AddDays("anna", Monday, 4, "g1-E").Build();

        Check(problem, rota).Should().BeEmpty();
    }

    [Fact]
    public void Severity_can_be_lowered_to_soft()
    {
        var problem = OneGroup().WithCaregiver("anna", 37).WithRule(Code, s => s with { Severity = Severity.Soft }).Build();
        // 4 E = 32 h below 35
        var rota = new RotaBuilder().AddDays("anna", Monday, 4, "g1-E").Build();

        Check(problem, rota).Should().ContainSingle().Which.Severity.Should().Be(Severity.Soft);
    }
}
