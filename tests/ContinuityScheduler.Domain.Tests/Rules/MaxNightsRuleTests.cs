using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Domain.Tests.Support;
using static ContinuityScheduler.Domain.Tests.Rules.TimeRuleAssertions;

namespace ContinuityScheduler.Domain.Tests.Rules;

public sealed class MaxNightsRuleTests
{
    private const string Code = "max-nights";

    /// <summary>Four weeks from 2026-11-30 with N on Monday, Tuesday and Wednesday of each week: 12 nights.</summary>
    private static RotaBuilder TwelveNights()
    {
        var rota = new RotaBuilder();
        for (var week = 0; week < 4; week++)
        {
            rota.AddDays("anna", Day(7 * week), 3, "g1-N");
        }

        return rota;
    }

    [Fact]
    public void Twelve_nights_in_four_weeks_keep_the_rule()
    {
        Home().Starting(Monday, 4).Build().ShouldKeep(TwelveNights().Build(), Code);
    }

    [Fact]
    public void A_thirteenth_night_breaks_it()
    {
        // The 13th night is Thursday 2026-12-24; the first 28-day window holding 13 ends there: 2026-11-27 to 2026-12-24.
        var rota = TwelveNights().Add("anna", Day(24), "g1-N").Build();

        Home().Starting(Monday, 4).Build().SingleViolationOf(rota, Code).ShouldMatch("anna", Day(-3), Day(24), 13, 12);
    }

    [Fact]
    public void Sleep_ins_count_as_nights()
    {
        // Twelve N plus one S on Friday 2026-12-04: 13 nights; the last is Wednesday 2026-12-23, so the first
        // 28-day window holding all 13 runs 2026-11-26..2026-12-23.
        var rota = TwelveNights().Add("anna", Day(4), "g1-S").Build();

        Home().Starting(Monday, 4).Build().SingleViolationOf(rota, Code).ShouldMatch("anna", Day(-4), Day(23), 13, 12);
    }

    [Fact]
    public void Nights_older_than_the_period_drop_out_of_the_window()
    {
        // Weeks = 1, limit 3: N Mon-Wed in each of two weeks = 6 nights, but no 7-day window holds more than 3.
        var problem = Home().Starting(Monday, 2).WithRule(Code, s => s with { Weeks = 1, Limit = 3 }).Build();
        var rota = new RotaBuilder().AddDays("anna", Day(0), 3, "g1-N").AddDays("anna", Day(7), 3, "g1-N").Build();

        problem.ShouldKeep(rota, Code);
    }

    [Fact]
    public void A_fourth_night_within_seven_days_breaks_a_one_week_limit_of_three()
    {
        // Weeks = 1, limit 3: N Monday to Thursday: the window 2026-11-27..2026-12-03 holds 4.
        var problem = Home().Starting(Monday, 2).WithRule(Code, s => s with { Weeks = 1, Limit = 3 }).Build();
        var rota = new RotaBuilder().AddDays("anna", Day(0), 4, "g1-N").AddDays("anna", Day(7), 3, "g1-N").Build();

        problem.SingleViolationOf(rota, Code).ShouldMatch("anna", Day(-3), Day(3), 4, 3);
    }

    [Fact]
    public void Day_shifts_are_not_nights()
    {
        // Weeks = 1, limit 1: N Mon, E Tue, L Wed, D Thu, N Fri: 2 nights, not 5.
        var problem = Home().WithRule(Code, s => s with { Weeks = 1, Limit = 1 }).Build();
        var rota = new RotaBuilder()
            .Add("anna", Day(0), "g1-N").Add("anna", Day(1), "g1-E").Add("anna", Day(2), "g1-L")
            .Add("anna", Day(3), "g1-D").Add("anna", Day(4), "g1-N")
            .Build();

        // The window 2026-11-28..2026-12-04 holds Monday's and Friday's nights.
        problem.SingleViolationOf(rota, Code).ShouldMatch("anna", Day(-2), Day(4), 2, 1);
    }

    [Fact]
    public void A_changed_limit_is_kept_exactly_at_it()
    {
        var rota = TwelveNights().Add("anna", Day(24), "g1-N").Build();

        // 13 nights: a limit of 13 is met exactly. With limit 11, the 12 nights are all in the window 2026-11-26..2026-12-23.
        Home().Starting(Monday, 4).WithRule(Code, s => s with { Limit = 13 }).Build().ShouldKeep(rota, Code);
        Home().Starting(Monday, 4).WithRule(Code, s => s with { Limit = 11 }).Build().SingleViolationOf(TwelveNights().Build(), Code)
            .ShouldMatch("anna", Day(-4), Day(23), 12, 11);
    }

    [Fact]
    public void A_disabled_rule_reports_nothing()
    {
        var problem = Home().Starting(Monday, 4).WithRule(Code, s => s with { Enabled = false }).Build();

        problem.ShouldKeep(TwelveNights().Add("anna", Day(24), "g1-N").Build(), Code);
    }

    [Fact]
    public void A_soft_rule_reports_a_soft_violation()
    {
        var problem = Home().Starting(Monday, 4).WithRule(Code, s => s with { Severity = Severity.Soft }).Build();

        problem.SingleViolationOf(TwelveNights().Add("anna", Day(24), "g1-N").Build(), Code)
            .ShouldMatch("anna", Day(-3), Day(24), 13, 12, Severity.Soft);
    }
}
