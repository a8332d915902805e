using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Domain.Tests.Support;
using static ContinuityScheduler.Domain.Tests.Rules.TimeRuleAssertions;

namespace ContinuityScheduler.Domain.Tests.Rules;

/// <summary>
/// weekly-rest (DESIGN section 4): each Monday–Sunday week has an uninterrupted rest of at least 35 h with at least
/// 35 − 11 = 24 h of it inside the week; its hours outside the week count towards its length. Rest before the first
/// known shift and after the last one is open-ended. The measured value is the longest rest the week can count, or,
/// when none has 24 h inside, the most rest inside the week at once.
/// </summary>
public sealed class WeeklyRestRuleTests
{
    private const string Code = "weekly-rest";

    /// <summary>
    /// The home with a history E on the Sunday before the horizon (ends Sunday 15:00), so that the first week does
    /// not begin with the unbounded rest before the first known shift.
    /// </summary>
    private static ProblemBuilder HomeAfterSundayEarly() => Home().WithHistoryShift("anna", Day(-1), "E", "g1");

    /// <summary>
    /// L Monday and Tuesday, Wednesday free, E Thursday to Sunday. After the history E Sunday the rests are
    /// 23 h (Sun 15:00 -> Mon 14:00, 14 h inside), 16 h, 33 h (Tue 22:00 -> Thu 07:00), 16 h three times and the open
    /// rest after Sunday 15:00 (9 h inside): the longest the week can count is 33 h.
    /// </summary>
    private static RotaBuilder WednesdayOffAfterLates() => new RotaBuilder()
        .AddDays("anna", Day(0), 2, "g1-L")
        .AddDays("anna", Day(3), 4, "g1-E");

    [Fact]
    public void A_free_weekend_keeps_the_rule()
    {
        // History E Sunday, E Monday to Friday: the rest after Friday 15:00 is open-ended with 57 h inside the week.
        var rota = new RotaBuilder().AddDays("anna", Monday, 5, "g1-E").Build();

        HomeAfterSundayEarly().Build().ShouldKeep(rota, Code);
    }

    [Fact]
    public void A_free_weekday_between_an_early_and_a_late_keeps_the_rule()
    {
        // History E Sunday, E Monday and Tuesday, Wednesday free, L Thursday to Sunday: Tuesday 15:00 -> Thursday 14:00 = 47 h, all inside.
        var rota = new RotaBuilder().AddDays("anna", Day(0), 2, "g1-E").AddDays("anna", Day(3), 4, "g1-L").Build();

        HomeAfterSundayEarly().Build().ShouldKeep(rota, Code);
    }

    [Fact]
    public void A_free_day_between_a_late_and_an_early_rests_only_33_hours()
    {
        // L Tuesday ends 22:00, E Thursday starts 07:00: 33 h (see WednesdayOffAfterLates) < 35 h.
        var rota = WednesdayOffAfterLates().Build();

        HomeAfterSundayEarly().Build().SingleViolationOf(rota, Code).ShouldMatch("anna", Day(0), Day(6), 33, 35);
    }

    [Fact]
    public void A_week_with_an_early_every_day_rests_at_most_16_hours()
    {
        // History E Sunday, E every day: 15:00 -> 07:00 = 16 h six times, 7 h inside before Monday's E, 9 h inside after Sunday's.
        var rota = new RotaBuilder().AddDays("anna", Monday, 7, "g1-E").Build();

        HomeAfterSundayEarly().Build().SingleViolationOf(rota, Code).ShouldMatch("anna", Day(0), Day(6), 16, 35);
    }

    [Fact]
    public void A_week_covered_by_work_without_a_gap_measures_zero()
    {
        // History N Sunday 22:00 -> Monday 07:00, then live-ins X Monday, Thursday and Sunday, each 07:00 -> 07:00 three
        // days later and the last past the horizon's end: no rest lies in the week at all, 0 h.
        var problem = Home().WithHistoryShift("anna", Day(-1), "N", "g1").Build();
        var rota = new RotaBuilder().Add("anna", Day(0), "g1-X").Add("anna", Day(3), "g1-X").Add("anna", Day(6), "g1-X").Build();

        problem.SingleViolationOf(rota, Code).ShouldMatch("anna", Day(0), Day(6), 0, 35);
    }

    [Fact]
    public void A_long_rest_that_only_touches_the_week_does_not_count_for_it()
    {
        // History E Friday ends 15:00, rota E every day: Friday 15:00 -> Monday 07:00 is 64 h long but only 7 h of it lies
        // in the week (24 h must); the week's best is then its 16 h rests.
        var problem = Home().WithHistoryShift("anna", Day(-3), "E", "g1").Build();
        var rota = new RotaBuilder().AddDays("anna", Monday, 7, "g1-E").Build();

        problem.SingleViolationOf(rota, Code).ShouldMatch("anna", Day(0), Day(6), 16, 35);
    }

    [Fact]
    public void The_share_inside_the_week_is_the_limit_less_min_rest()
    {
        // The same 64 h rest with 7 h in the week counts once min-rest's limit is 30 h: 35 − 30 = 5 h must lie inside.
        var problem = Home().WithHistoryShift("anna", Day(-3), "E", "g1").WithRule("min-rest", s => s with { Limit = 30, Enabled = false }).Build();
        var rota = new RotaBuilder().AddDays("anna", Monday, 7, "g1-E").Build();

        problem.ShouldKeep(rota, Code);
    }

    [Fact]
    public void Rest_after_the_last_shift_is_open_ended()
    {
        // History E Sunday, E Monday to Saturday, Sunday free: the rest after Saturday 15:00 has 33 h in the week and no end.
        var rota = new RotaBuilder().AddDays("anna", Monday, 6, "g1-E").Build();

        HomeAfterSundayEarly().Build().ShouldKeep(rota, Code);
    }

    [Fact]
    public void A_rest_ending_early_next_week_counts_its_hours_there()
    {
        // Two weeks, history E Sunday: E Monday to Saturday, Sunday free, E the next Monday: Saturday 15:00 -> Monday 07:00
        // = 40 h with 33 h in the first week keeps it; the second has the open rest after Monday 15:00.
        var problem = HomeAfterSundayEarly().Starting(Monday, 2).Build();
        var rota = new RotaBuilder().AddDays("anna", Monday, 6, "g1-E").Add("anna", Day(7), "g1-E").Build();

        problem.ShouldKeep(rota, Code);
    }

    [Fact]
    public void Rest_before_the_first_known_shift_is_open_ended_but_must_lie_in_the_week()
    {
        // No history. From Tuesday: the rest before Tuesday 07:00 has no start and 31 h in the week: kept. From Monday:
        // only 7 h of it lie in the week, and the others are 16 h and 9 h.
        var fromTuesday = new RotaBuilder().AddDays("anna", Day(1), 6, "g1-E").Build();
        var everyDay = new RotaBuilder().AddDays("anna", Day(0), 7, "g1-E").Build();

        Home().Build().ShouldKeep(fromTuesday, Code);
        Home().Build().SingleViolationOf(everyDay, Code).ShouldMatch("anna", Day(0), Day(6), 16, 35);
    }

    [Fact]
    public void Each_week_of_the_horizon_is_judged_on_its_own()
    {
        // Two weeks, history E Sunday. Week 1, E every day: 16 h rests, 7 h and 9 h inside at its edges. Week 2, L Monday
        // and Tuesday, Wednesday free, E Thursday to Sunday: Sunday 15:00 -> Monday 14:00 has 14 h inside, then 16 h,
        // Tuesday 22:00 -> Thursday 07:00 = 33 h, 16 h three times and 9 h inside after the last.
        var problem = HomeAfterSundayEarly().Starting(Monday, 2).Build();
        var rota = new RotaBuilder()
            .AddDays("anna", Day(0), 7, "g1-E")
            .AddDays("anna", Day(7), 2, "g1-L")
            .AddDays("anna", Day(10), 4, "g1-E")
            .Build();

        var violations = problem.ViolationsOf(rota, Code);

        violations.Should().HaveCount(2);
        violations[0].ShouldMatch("anna", Day(0), Day(6), 16, 35);
        violations[1].ShouldMatch("anna", Day(7), Day(13), 33, 35);
    }

    [Theory]
    [InlineData(33, false)]
    [InlineData(33.5, true)]
    public void A_changed_limit_is_kept_exactly_at_it(double limit, bool broken)
    {
        // The longest rest is Tuesday 22:00 -> Thursday 07:00 = 33 h.
        var problem = HomeAfterSundayEarly().WithRule(Code, s => s with { Limit = limit }).Build();
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
        // The 33 h week that breaks the enabled rule.
        var problem = HomeAfterSundayEarly().WithRule(Code, s => s with { Enabled = false }).Build();

        problem.ShouldKeep(WednesdayOffAfterLates().Build(), Code);
    }

    [Fact]
    public void A_soft_rule_reports_a_soft_violation()
    {
        // Tuesday 22:00 -> Thursday 07:00 = 33 h.
        var problem = HomeAfterSundayEarly().WithRule(Code, s => s with { Severity = Severity.Soft }).Build();

        problem.SingleViolationOf(WednesdayOffAfterLates().Build(), Code).ShouldMatch("anna", Day(0), Day(6), 33, 35, Severity.Soft);
    }

    [Theory]
    [InlineData(35, false)]
    [InlineData(39, false)]
    [InlineData(39.5, true)]
    public void An_uninterrupted_rest_counts_even_without_a_whole_free_calendar_day(double limit, bool broken)
    {
        // DESIGN section 4: "an uninterrupted rest in each Monday-Sunday week, 35 h (24 h + 11 h)".
        // History N Sunday ends Monday 07:00; N Monday to Wednesday, N Friday to Sunday (the last ends after the
        // horizon's end). Rests: 07:00 -> 22:00 = 15 h on the other days, and the N Wednesday's end Thursday 07:00 ->
        // the N Friday's start Friday 22:00 = 39 h, though every calendar day holds some work.
        var problem = Home().WithHistoryShift("anna", Day(-1), "N", "g1").WithRule(Code, s => s with { Limit = limit }).Build();
        var rota = new RotaBuilder().AddDays("anna", Day(0), 3, "g1-N").AddDays("anna", Day(4), 3, "g1-N").Build();

        if (broken)
        {
            problem.SingleViolationOf(rota, Code).ShouldMatch("anna", Day(0), Day(6), 39, limit);
        }
        else
        {
            problem.ShouldKeep(rota, Code);
        }
    }
}
