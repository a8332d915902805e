using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Domain.Tests.Support;
using static ContinuityScheduler.Domain.Tests.Rules.TimeRuleAssertions;

namespace ContinuityScheduler.Domain.Tests.Rules;

/// <summary>
/// Four-week horizon from Monday 2026-11-30; its Saturdays are 2026-12-05, 12-12, 12-19 and 12-26. Without history,
/// the weekends before the horizon (e.g. 2026-11-28) are unknown and count as free.
/// </summary>
public sealed class FreeWeekendsRuleTests
{
    private const string Code = "free-weekends";

    private static ProblemBuilder FourWeeks() => Home().Starting(Monday, 4);

    /// <summary>E on Saturday and Sunday of the given horizon weeks (0-based).</summary>
    private static RotaBuilder WorkWeekends(params int[] weeks)
    {
        var rota = new RotaBuilder();
        foreach (var week in weeks)
        {
            rota.AddDays("anna", Day((7 * week) + 5), 2, "g1-E");
        }

        return rota;
    }

    [Fact]
    public void Two_free_weekends_in_every_four_keep_the_rule()
    {
        // Weekends 1 and 2 worked: runs ending 12-05/12-12/12-19/12-26 hold 3/2/2/2 free weekends (>= 2).
        FourWeeks().Build().ShouldKeep(WorkWeekends(0, 1).Build(), Code);
    }

    [Fact]
    public void Three_worked_weekends_leave_one_free()
    {
        // Weekends 1-3 worked: the run 2026-11-28..2026-12-20 holds only the unknown (free) weekend of 11-28: 1 < 2.
        // (The run ending 12-26 also holds 1; the first worst run is reported.)
        FourWeeks().Build().SingleViolationOf(WorkWeekends(0, 1, 2).Build(), Code).ShouldMatch("anna", Day(-2), Day(20), 1, 2);
    }

    [Fact]
    public void Four_worked_weekends_leave_none_free()
    {
        // The run 2026-12-05..2026-12-27 holds 0 free weekends.
        FourWeeks().Build().SingleViolationOf(WorkWeekends(0, 1, 2, 3).Build(), Code).ShouldMatch("anna", Day(5), Day(27), 0, 2);
    }

    [Fact]
    public void Working_only_the_saturday_spoils_the_weekend()
    {
        // E on Saturdays 12-05, 12-12, 12-19 only: as good as three worked weekends.
        var rota = new RotaBuilder().Add("anna", Day(5), "g1-E").Add("anna", Day(12), "g1-E").Add("anna", Day(19), "g1-E").Build();

        FourWeeks().Build().SingleViolationOf(rota, Code).ShouldMatch("anna", Day(-2), Day(20), 1, 2);
    }

    [Fact]
    public void A_friday_night_into_saturday_morning_spoils_the_weekend()
    {
        // Weekends 1 and 2 worked, and N Friday 2026-12-18 22:00 -> Saturday 07:00 works into the third weekend.
        var rota = WorkWeekends(0, 1).Add("anna", Day(18), "g1-N").Build();

        FourWeeks().Build().SingleViolationOf(rota, Code).ShouldMatch("anna", Day(-2), Day(20), 1, 2);
    }

    [Fact]
    public void A_sunday_night_into_monday_spoils_the_weekend()
    {
        // Weekends 1 and 2 worked, and N Sunday 2026-12-20 22:00 -> Monday 07:00 is work before Monday 00:00.
        var rota = WorkWeekends(0, 1).Add("anna", Day(20), "g1-N").Build();

        FourWeeks().Build().SingleViolationOf(rota, Code).ShouldMatch("anna", Day(-2), Day(20), 1, 2);
    }

    [Fact]
    public void Work_ending_before_saturday_leaves_the_weekend_free()
    {
        // L Friday ends 22:00 and E Monday starts 07:00 around the third weekend: still only two worked weekends.
        var rota = WorkWeekends(0, 1).Add("anna", Day(18), "g1-L").Add("anna", Day(21), "g1-E").Build();

        FourWeeks().Build().ShouldKeep(rota, Code);
    }

    [Fact]
    public void With_one_week_and_no_history_the_unknown_weekends_count_free()
    {
        // One week, its weekend worked: the run 2026-11-14..2026-12-06 holds 3 unknown weekends, free.
        Home().Build().ShouldKeep(WorkWeekends(0).Build(), Code);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(3, true)]
    public void A_changed_limit_is_kept_exactly_at_it(double limit, bool broken)
    {
        // Weekends 1-3 worked: the worst run holds 1 free weekend.
        var problem = FourWeeks().WithRule(Code, s => s with { Limit = limit }).Build();
        var rota = WorkWeekends(0, 1, 2).Build();

        if (broken)
        {
            problem.SingleViolationOf(rota, Code).ShouldMatch("anna", Day(-2), Day(20), 1, limit);
        }
        else
        {
            problem.ShouldKeep(rota, Code);
        }
    }

    [Fact]
    public void A_shorter_period_counts_fewer_weekends()
    {
        // Weeks = 2, limit 1: weekends 2 and 3 worked make the run 2026-12-12..2026-12-20 hold 0 free weekends.
        var problem = FourWeeks().WithRule(Code, s => s with { Weeks = 2, Limit = 1 }).Build();

        problem.SingleViolationOf(WorkWeekends(1, 2).Build(), Code).ShouldMatch("anna", Day(12), Day(20), 0, 1);
        problem.ShouldKeep(WorkWeekends(0, 2).Build(), Code);
    }

    [Fact]
    public void A_disabled_rule_reports_nothing()
    {
        var problem = FourWeeks().WithRule(Code, s => s with { Enabled = false }).Build();

        problem.ShouldKeep(WorkWeekends(0, 1, 2, 3).Build(), Code);
    }

    [Fact]
    public void A_soft_rule_reports_a_soft_violation()
    {
        var problem = FourWeeks().WithRule(Code, s => s with { Severity = Severity.Soft }).Build();

        problem.SingleViolationOf(WorkWeekends(0, 1, 2, 3).Build(), Code).ShouldMatch("anna", Day(5), Day(27), 0, 2, Severity.Soft);
    }
}
