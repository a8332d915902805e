using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Domain.Tests.Support;
using static ContinuityScheduler.Domain.Tests.Rules.TimeRuleAssertions;

namespace ContinuityScheduler.Domain.Tests.Rules;

public sealed class MaxConsecutiveDaysRuleTests
{
    private const string Code = "max-consecutive-days";

    [Fact]
    public void Six_days_in_a_row_keep_the_rule()
    {
        // E Monday to Saturday: 6 days, exactly the default limit.
        var rota = new RotaBuilder().AddDays("anna", Monday, 6, "g1-E").Build();

        Home().Build().ShouldKeep(rota, Code);
    }

    [Fact]
    public void Seven_days_in_a_row_break_it()
    {
        // Monday to Sunday: 7 > 6.
        var rota = new RotaBuilder().AddDays("anna", Monday, 7, "g1-E").Build();

        Home().Build().SingleViolationOf(rota, Code).ShouldMatch("anna", Day(0), Day(6), 7, 6);
    }

    [Fact]
    public void Every_shift_type_makes_a_working_day()
    {
        // E, L, D, N, S, E, L on seven dates in a row: 7 working days.
        var rota = new RotaBuilder()
            .Add("ben", Day(0), "g1-E").Add("ben", Day(1), "g1-L").Add("ben", Day(2), "g1-D").Add("ben", Day(3), "g1-N")
            .Add("ben", Day(4), "g1-S").Add("ben", Day(5), "g1-E").Add("ben", Day(6), "g1-L")
            .Build();

        Home().Build().SingleViolationOf(rota, Code).ShouldMatch("ben", Day(0), Day(6), 7, 6);
    }

    [Fact]
    public void A_night_counts_on_its_start_date_only()
    {
        // N Monday to Saturday: 6 start dates; the Saturday night ending Sunday 07:00 does not make Sunday a working day.
        var rota = new RotaBuilder().AddDays("anna", Monday, 6, "g1-N").Build();

        Home().Build().ShouldKeep(rota, Code);
    }

    [Fact]
    public void Two_shifts_on_a_date_are_one_working_day()
    {
        // Monday to Saturday with E and L on Wednesday: still 6 dates.
        var rota = new RotaBuilder().AddDays("anna", Monday, 6, "g1-E").Add("anna", Day(2), "g1-L").Build();

        Home().Build().ShouldKeep(rota, Code);
    }

    [Fact]
    public void A_free_day_ends_the_run()
    {
        // Two weeks: Monday-Saturday, Sunday free, Monday-Saturday again: two runs of 6.
        var problem = Home().Starting(Monday, 2).Build();
        var rota = new RotaBuilder().AddDays("anna", Day(0), 6, "g1-E").AddDays("anna", Day(7), 6, "g1-E").Build();

        problem.ShouldKeep(rota, Code);
    }

    [Fact]
    public void A_long_run_is_reported_once_with_its_whole_length()
    {
        // Two weeks: Wednesday 2026-12-02 to Friday 2026-12-11 = 10 days.
        var problem = Home().Starting(Monday, 2).Build();
        var rota = new RotaBuilder().AddDays("anna", Day(2), 10, "g1-E").Build();

        problem.SingleViolationOf(rota, Code).ShouldMatch("anna", Day(2), Day(11), 10, 6);
    }

    [Theory]
    [InlineData(7, 7, false)]
    [InlineData(5, 6, true)]
    [InlineData(5, 5, false)]
    public void A_changed_limit_is_kept_exactly_at_it(double limit, int days, bool broken)
    {
        var problem = Home().WithRule(Code, s => s with { Limit = limit }).Build();
        var rota = new RotaBuilder().AddDays("anna", Monday, days, "g1-E").Build();

        if (broken)
        {
            problem.SingleViolationOf(rota, Code).ShouldMatch("anna", Day(0), Day(days - 1), days, limit);
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

        problem.SingleViolationOf(new RotaBuilder().AddDays("anna", Monday, 7, "g1-E").Build(), Code)
            .ShouldMatch("anna", Day(0), Day(6), 7, 6, Severity.Soft);
    }
}
