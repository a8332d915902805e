using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Domain.Tests.Support;
using static ContinuityScheduler.Domain.Tests.Rules.TimeRuleAssertions;

namespace ContinuityScheduler.Domain.Tests.Rules;

public sealed class MaxConsecutiveNightsRuleTests
{
    private const string Code = "max-consecutive-nights";

    [Fact]
    public void Four_nights_in_a_row_keep_the_rule()
    {
        // N Monday to Thursday: 4, exactly the default limit.
        var rota = new RotaBuilder().AddDays("anna", Monday, 4, "g1-N").Build();

        Home().Build().ShouldKeep(rota, Code);
    }

    [Fact]
    public void Five_nights_in_a_row_break_it()
    {
        // N Monday to Friday: 5 > 4.
        var rota = new RotaBuilder().AddDays("anna", Monday, 5, "g1-N").Build();

        Home().Build().SingleViolationOf(rota, Code).ShouldMatch("anna", Day(0), Day(4), 5, 4);
    }

    [Fact]
    public void Sleep_ins_count_as_nights()
    {
        // N, N, S, S, N from Tuesday to Saturday: 5 nights in a row.
        var rota = new RotaBuilder()
            .AddDays("ben", Day(1), 2, "g1-N")
            .AddDays("ben", Day(3), 2, "g1-S")
            .Add("ben", Day(5), "g1-N")
            .Build();

        Home().Build().SingleViolationOf(rota, Code).ShouldMatch("ben", Day(1), Day(5), 5, 4);
    }

    [Fact]
    public void A_day_shift_breaks_the_run_of_nights()
    {
        // N Mon, Tue; E Wed; N Thu, Fri, Sat: six shifts in a row, but runs of only 2 and 3 nights.
        var rota = new RotaBuilder()
            .AddDays("anna", Day(0), 2, "g1-N")
            .Add("anna", Day(2), "g1-E")
            .AddDays("anna", Day(3), 3, "g1-N")
            .Build();

        Home().Build().ShouldKeep(rota, Code);
    }

    [Fact]
    public void A_night_off_breaks_the_run()
    {
        // N Monday to Thursday, Friday off, N Saturday and Sunday: runs of 4 and 2.
        var rota = new RotaBuilder().AddDays("anna", Day(0), 4, "g1-N").AddDays("anna", Day(5), 2, "g1-N").Build();

        Home().Build().ShouldKeep(rota, Code);
    }

    [Theory]
    [InlineData(5, 5, false)]
    [InlineData(2, 3, true)]
    [InlineData(2, 2, false)]
    public void A_changed_limit_is_kept_exactly_at_it(double limit, int nights, bool broken)
    {
        var problem = Home().WithRule(Code, s => s with { Limit = limit }).Build();
        var rota = new RotaBuilder().AddDays("anna", Monday, nights, "g1-N").Build();

        if (broken)
        {
            problem.SingleViolationOf(rota, Code).ShouldMatch("anna", Day(0), Day(nights - 1), nights, limit);
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

        problem.ShouldKeep(new RotaBuilder().AddDays("anna", Monday, 5, "g1-N").Build(), Code);
    }

    [Fact]
    public void A_soft_rule_reports_a_soft_violation()
    {
        var problem = Home().WithRule(Code, s => s with { Severity = Severity.Soft }).Build();

        problem.SingleViolationOf(new RotaBuilder().AddDays("anna", Monday, 5, "g1-N").Build(), Code)
            .ShouldMatch("anna", Day(0), Day(4), 5, 4, Severity.Soft);
    }
}
