using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Domain.Tests.Support;
using static ContinuityScheduler.Domain.Tests.Rules.TimeRuleAssertions;

namespace ContinuityScheduler.Domain.Tests.Rules;

public sealed class OneShiftPerDayRuleTests
{
    private const string Code = "one-shift-per-day";

    [Fact]
    public void One_shift_a_day_each_keeps_the_rule()
    {
        // anna works E every day, ben works L on Monday: one shift a date each, and two people on one date are two timelines.
        var rota = new RotaBuilder().AddDays("anna", Monday, 7, "g1-E").Add("ben", Monday, "g1-L").Build();

        Home().Build().ShouldKeep(rota, Code);
    }

    [Fact]
    public void A_night_ending_the_next_morning_belongs_to_its_start_date()
    {
        // N Monday 22:00 -> Tuesday 07:00 starts on Monday; the E on Tuesday is Tuesday's only shift.
        var rota = new RotaBuilder().Add("anna", Day(0), "g1-N").Add("anna", Day(1), "g1-E").Build();

        Home().Build().ShouldKeep(rota, Code);
    }

    [Fact]
    public void Two_shifts_starting_on_one_date_break_the_rule_even_without_overlap()
    {
        // E 07-15 and N 22-07 both start on Tuesday 2026-12-01: 2 shifts against a limit of 1.
        var rota = new RotaBuilder().Add("anna", Day(1), "g1-E").Add("anna", Day(1), "g1-N").Build();

        Home().Build().SingleViolationOf(rota, Code).ShouldMatch("anna", Day(1), Day(1), 2, 1);
    }

    [Fact]
    public void Three_shifts_on_one_date_measure_three()
    {
        // E, L and N on Wednesday: 3 shifts.
        var rota = new RotaBuilder().Add("anna", Day(2), "g1-E").Add("anna", Day(2), "g1-L").Add("anna", Day(2), "g1-N").Build();

        Home().Build().SingleViolationOf(rota, Code).ShouldMatch("anna", Day(2), Day(2), 3, 1);
    }

    [Fact]
    public void Each_date_with_too_many_shifts_is_its_own_violation()
    {
        // Monday E+L and Friday E+N for ben; anna's single shifts are fine.
        var rota = new RotaBuilder()
            .Add("ben", Day(0), "g1-E").Add("ben", Day(0), "g1-L")
            .Add("ben", Day(4), "g1-E").Add("ben", Day(4), "g1-N")
            .Add("anna", Day(0), "g1-D")
            .Build();

        var violations = Home().Build().ViolationsOf(rota, Code);

        violations.Should().HaveCount(2);
        violations.Should().OnlyContain(v => v.CaregiverId == "ben" && v.Measured == 2);
        violations.Select(v => v.From).Should().Equal(Day(0), Day(4));
    }

    [Fact]
    public void A_higher_limit_allows_two_shifts_but_not_three()
    {
        var problem = Home().WithRule(Code, s => s with { Limit = 2 }).Build();
        var two = new RotaBuilder().Add("anna", Day(1), "g1-E").Add("anna", Day(1), "g1-N").Build();
        var three = new RotaBuilder().Add("anna", Day(1), "g1-E").Add("anna", Day(1), "g1-L").Add("anna", Day(1), "g1-N").Build();

        // Exactly at the limit (2 shifts, limit 2) passes; 3 shifts is over it.
        problem.ShouldKeep(two, Code);
        problem.SingleViolationOf(three, Code).ShouldMatch("anna", Day(1), Day(1), 3, 2);
    }

    [Fact]
    public void A_disabled_rule_reports_nothing()
    {
        var problem = Home().WithRule(Code, s => s with { Enabled = false }).Build();
        var rota = new RotaBuilder().Add("anna", Day(1), "g1-E").Add("anna", Day(1), "g1-N").Build();

        problem.ShouldKeep(rota, Code);
    }

    [Fact]
    public void A_soft_rule_reports_a_soft_violation()
    {
        var problem = Home().WithRule(Code, s => s with { Severity = Severity.Soft }).Build();
        var rota = new RotaBuilder().Add("anna", Day(1), "g1-E").Add("anna", Day(1), "g1-N").Build();

        problem.SingleViolationOf(rota, Code).ShouldMatch("anna", Day(1), Day(1), 2, 1, Severity.Soft);
    }
}
