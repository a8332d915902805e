using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Domain.Tests.Support;
using static ContinuityScheduler.Domain.Tests.Rules.TimeRuleAssertions;

namespace ContinuityScheduler.Domain.Tests.Rules;

public sealed class MaxShiftLengthRuleTests
{
    private const string Code = "max-shift-length";

    [Fact]
    public void Shifts_up_to_thirteen_hours_keep_the_rule()
    {
        // E 8 h, L 8 h, N 9 h, S 11 h: all <= 13 h.
        var rota = new RotaBuilder()
            .Add("anna", Day(0), "g1-E").Add("anna", Day(1), "g1-L").Add("anna", Day(2), "g1-N").Add("anna", Day(4), "g1-S")
            .Build();

        Home().Build().ShouldKeep(rota, Code);
    }

    [Fact]
    public void A_long_day_breaks_it()
    {
        // D 07:00-21:30 = 14.5 h > 13 h.
        var rota = new RotaBuilder().Add("anna", Day(3), "g1-D").Build();

        Home().Build().SingleViolationOf(rota, Code).ShouldMatch("anna", Day(3), Day(3), 14.5, 13);
    }

    [Fact]
    public void Each_long_shift_is_reported()
    {
        // D on Monday and Tuesday for ben.
        var rota = new RotaBuilder().AddDays("ben", Day(0), 2, "g1-D").Add("anna", Day(0), "g1-E").Build();

        var violations = Home().Build().ViolationsOf(rota, Code);

        violations.Should().HaveCount(2);
        violations[0].ShouldMatch("ben", Day(0), Day(0), 14.5, 13);
        violations[1].ShouldMatch("ben", Day(1), Day(1), 14.5, 13);
    }

    [Theory]
    [InlineData(14.5, false)]
    [InlineData(14, true)]
    public void A_changed_limit_is_kept_exactly_at_it(double limit, bool broken)
    {
        var problem = Home().WithRule(Code, s => s with { Limit = limit }).Build();
        var rota = new RotaBuilder().Add("anna", Day(3), "g1-D").Build();

        if (broken)
        {
            problem.SingleViolationOf(rota, Code).ShouldMatch("anna", Day(3), Day(3), 14.5, limit);
        }
        else
        {
            problem.ShouldKeep(rota, Code);
        }
    }

    [Fact]
    public void A_lower_limit_catches_a_sleep_in()
    {
        // S 21:00-08:00 = 11 h: kept at limit 11, broken at 10.5.
        var rota = new RotaBuilder().Add("anna", Day(2), "g1-S").Build();

        Home().WithRule(Code, s => s with { Limit = 11 }).Build().ShouldKeep(rota, Code);
        Home().WithRule(Code, s => s with { Limit = 10.5 }).Build().SingleViolationOf(rota, Code).ShouldMatch("anna", Day(2), Day(2), 11, 10.5);
    }

    [Fact]
    public void A_live_in_without_the_residential_derogation_breaks_it()
    {
        // X Monday 07:00 -> Thursday 07:00 = 72 h, and the institution has no derogation.
        var rota = new RotaBuilder().Add("anna", Day(0), "g1-X").Build();

        Home().Build().SingleViolationOf(rota, Code).ShouldMatch("anna", Day(0), Day(0), 72, 13);
    }

    [Fact]
    public void A_live_in_under_the_derogation_followed_by_the_compensatory_rest_keeps_it()
    {
        // X ends Thursday 07:00, E Friday 07:00: exactly 24 h of compensatory rest.
        var rota = new RotaBuilder().Add("anna", Day(0), "g1-X").Add("anna", Day(4), "g1-E").Build();

        Home().WithResidentialDerogation(24).Build().ShouldKeep(rota, Code);
    }

    [Fact]
    public void A_live_in_at_the_end_of_the_rota_keeps_it()
    {
        // X Friday 07:00 -> Monday 07:00 after the horizon: nothing follows it.
        var rota = new RotaBuilder().Add("anna", Day(4), "g1-X").Build();

        Home().WithResidentialDerogation(24).Build().ShouldKeep(rota, Code);
    }

    [Fact]
    public void A_live_in_followed_too_soon_breaks_the_compensatory_rest()
    {
        // X ends Thursday 07:00, N Thursday starts 22:00: 15 h < 24 h; reported from the X's date to the N's.
        var rota = new RotaBuilder().Add("anna", Day(0), "g1-X").Add("anna", Day(3), "g1-N").Build();

        Home().WithResidentialDerogation(24).Build().SingleViolationOf(rota, Code).ShouldMatch("anna", Day(0), Day(3), 15, 24);
    }

    [Fact]
    public void The_compensatory_rest_is_the_institutions_setting()
    {
        // X ends Thursday 07:00, E Friday 07:00: 24 h against 36 h asked.
        var rota = new RotaBuilder().Add("anna", Day(0), "g1-X").Add("anna", Day(4), "g1-E").Build();

        Home().WithResidentialDerogation(36).Build().SingleViolationOf(rota, Code).ShouldMatch("anna", Day(0), Day(4), 24, 36);
    }

    [Fact]
    public void A_disabled_rule_reports_nothing()
    {
        var problem = Home().WithRule(Code, s => s with { Enabled = false }).Build();
        var rota = new RotaBuilder().Add("anna", Day(0), "g1-X").Add("anna", Day(4), "g1-D").Build();

        problem.ShouldKeep(rota, Code);
    }

    [Fact]
    public void A_soft_rule_reports_a_soft_violation()
    {
        var problem = Home().WithRule(Code, s => s with { Severity = Severity.Soft }).Build();

        problem.SingleViolationOf(new RotaBuilder().Add("anna", Day(3), "g1-D").Build(), Code).ShouldMatch("anna", Day(3), Day(3), 14.5, 13, Severity.Soft);
    }
}
