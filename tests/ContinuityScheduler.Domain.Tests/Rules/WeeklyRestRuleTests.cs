using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Domain.Tests.Support;
using static ContinuityScheduler.Domain.Tests.Rules.TimeRuleAssertions;

namespace ContinuityScheduler.Domain.Tests.Rules;

public sealed class WeeklyRestRuleTests
{
    private const string Code = "weekly-rest";

    /// <summary>L Monday and Tuesday, Wednesday free, E Thursday to Sunday: the only free day is Wednesday.</summary>
    private static RotaBuilder WednesdayOffAfterLates() => new RotaBuilder()
        .AddDays("anna", Day(0), 2, "g1-L")
        .AddDays("anna", Day(3), 4, "g1-E");

    [Fact]
    public void A_free_weekend_keeps_the_rule()
    {
        // E Monday to Friday: from Friday 15:00 to the horizon's end (Monday 00:00) is 57 h >= 35 h.
        var rota = new RotaBuilder().AddDays("anna", Monday, 5, "g1-E").Build();

        Home().Build().ShouldKeep(rota, Code);
    }

    [Fact]
    public void A_free_weekday_between_an_early_and_a_late_keeps_the_rule()
    {
        // E Monday and Tuesday, Wednesday free, L Thursday to Sunday: Tuesday 15:00 -> Thursday 14:00 = 47 h.
        var rota = new RotaBuilder().AddDays("anna", Day(0), 2, "g1-E").AddDays("anna", Day(3), 4, "g1-L").Build();

        Home().Build().ShouldKeep(rota, Code);
    }

    [Fact]
    public void A_free_day_between_a_late_and_an_early_rests_only_33_hours()
    {
        // L Tuesday ends 22:00, E Thursday starts 07:00: 33 h around the free Wednesday < 35 h.
        var rota = WednesdayOffAfterLates().Build();

        Home().Build().SingleViolationOf(rota, Code).ShouldMatch("anna", Day(0), Day(6), 33, 35);
    }

    [Fact]
    public void A_week_without_a_free_day_measures_zero()
    {
        // E every day: no whole free day, so the longest rest around one is 0 h.
        var rota = new RotaBuilder().AddDays("anna", Monday, 7, "g1-E").Build();

        Home().Build().SingleViolationOf(rota, Code).ShouldMatch("anna", Day(0), Day(6), 0, 35);
    }

    [Fact]
    public void Rest_after_the_horizon_end_is_not_counted()
    {
        // E Monday to Saturday, Sunday free: per the rule's doc, rest stops at the horizon's end,
        // Saturday 15:00 -> Monday 00:00 = 33 h.
        var rota = new RotaBuilder().AddDays("anna", Monday, 6, "g1-E").Build();

        Home().Build().SingleViolationOf(rota, Code).ShouldMatch("anna", Day(0), Day(6), 33, 35);
    }

    [Fact]
    public void Rest_after_the_first_week_runs_on_into_the_second()
    {
        // Two weeks: E Monday to Saturday, Sunday free, E the next Monday: Saturday 15:00 -> Monday 07:00 = 40 h.
        var problem = Home().Starting(Monday, 2).Build();
        var rota = new RotaBuilder().AddDays("anna", Monday, 6, "g1-E").Add("anna", Day(7), "g1-E").Build();

        problem.ShouldKeep(rota, Code);
    }

    [Fact]
    public void Rest_before_the_first_known_shift_is_unbounded()
    {
        // No history: Monday is free and nothing is known before it, so the week is kept.
        var rota = new RotaBuilder().AddDays("anna", Day(1), 6, "g1-E").Build();

        Home().Build().ShouldKeep(rota, Code);
    }

    [Fact]
    public void Each_week_of_the_horizon_is_judged_on_its_own()
    {
        // Two weeks of E every day: each week has no free day (0 h), one violation per week.
        var problem = Home().Starting(Monday, 2).Build();
        var rota = new RotaBuilder().AddDays("anna", Monday, 14, "g1-E").Build();

        var violations = problem.ViolationsOf(rota, Code);

        violations.Should().HaveCount(2);
        violations[0].ShouldMatch("anna", Day(0), Day(6), 0, 35);
        violations[1].ShouldMatch("anna", Day(7), Day(13), 0, 35);
    }

    [Theory]
    [InlineData(33, false)]
    [InlineData(33.5, true)]
    public void A_changed_limit_is_kept_exactly_at_it(double limit, bool broken)
    {
        // The Wednesday rest is 33 h.
        var problem = Home().WithRule(Code, s => s with { Limit = limit }).Build();
        var rota = WednesdayOffAfterLates().Build();

        if (broken)
        {
            problem.SingleViolationOf(rota, Code).ShouldMatch("anna", Day(0), Day(6), 33, limit);
        }
        else
        {
            problem.ShouldKeep(rota, Code);
        }
    }

    [Fact]
    public void A_disabled_rule_reports_nothing()
    {
        var problem = Home().WithRule(Code, s => s with { Enabled = false }).Build();

        problem.ShouldKeep(new RotaBuilder().AddDays("anna", Monday, 7, "g1-E").Build(), Code);
    }

    [Fact]
    public void A_soft_rule_reports_a_soft_violation()
    {
        var problem = Home().WithRule(Code, s => s with { Severity = Severity.Soft }).Build();

        problem.SingleViolationOf(WednesdayOffAfterLates().Build(), Code).ShouldMatch("anna", Day(0), Day(6), 33, 35, Severity.Soft);
    }

    [Fact]
    public void An_uninterrupted_rest_of_35_hours_counts_even_without_a_whole_free_calendar_day()
    {
        // DESIGN section 4: "an uninterrupted rest in each Monday-Sunday week, 35 h (24 h + 11 h)".
        // History N Sunday ends Monday 07:00; N Monday to Wednesday, N Friday to Sunday. The N Wednesday ends
        // Thursday 07:00 and the N Friday starts Friday 22:00: 39 h of uninterrupted rest inside the week,
        // though every calendar day holds some work.
        var problem = Home().WithHistoryShift("anna", Day(-1), "N", "g1").Build();
        var rota = new RotaBuilder().AddDays("anna", Day(0), 3, "g1-N").AddDays("anna", Day(4), 3, "g1-N").Build();

        problem.ShouldKeep(rota, Code);
    }
}
