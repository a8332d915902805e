using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Domain.Tests.Support;
using static ContinuityScheduler.Domain.Tests.Rules.TimeRuleAssertions;

namespace ContinuityScheduler.Domain.Tests.Rules;

public sealed class MinRestRuleTests
{
    private const string Code = "min-rest";

    [Fact]
    public void Same_shift_every_day_keeps_the_rest()
    {
        // E ends 15:00, next E 07:00: 16 h; L 22:00 -> L 14:00: 16 h; N 07:00 -> N 22:00: 15 h.
        var rota = new RotaBuilder()
            .AddDays("anna", Monday, 7, "g1-E")
            .AddDays("ben", Monday, 3, "g1-L")
            .AddDays("ben", Day(4), 3, "g1-N")
            .Build();

        Home().Build().ShouldKeep(rota, Code);
    }

    [Fact]
    public void Late_then_early_rests_nine_hours()
    {
        // L Monday ends 22:00, E Tuesday starts 07:00: 9 h < 11 h.
        var rota = new RotaBuilder().Add("anna", Day(0), "g1-L").Add("anna", Day(1), "g1-E").Build();

        Home().Build().SingleViolationOf(rota, Code).ShouldMatch("anna", Day(0), Day(1), 9, 11);
    }

    [Fact]
    public void Long_day_then_early_rests_nine_and_a_half_hours()
    {
        // D Wednesday ends 21:30, E Thursday 07:00: 9.5 h.
        var rota = new RotaBuilder().Add("ben", Day(2), "g1-D").Add("ben", Day(3), "g1-E").Build();

        Home().Build().SingleViolationOf(rota, Code).ShouldMatch("ben", Day(2), Day(3), 9.5, 11);
    }

    [Fact]
    public void Night_straight_into_an_early_rests_zero_hours()
    {
        // N Monday ends Tuesday 07:00 as the E starts: touching, not overlapping, so the rest is 0 h.
        var rota = new RotaBuilder().Add("anna", Day(0), "g1-N").Add("anna", Day(1), "g1-E").Build();

        Home().Build().SingleViolationOf(rota, Code).ShouldMatch("anna", Day(0), Day(1), 0, 11);
    }

    [Fact]
    public void Early_then_night_on_one_day_rests_seven_hours()
    {
        // E Friday ends 15:00, N Friday starts 22:00: 7 h.
        var rota = new RotaBuilder().Add("anna", Day(4), "g1-E").Add("anna", Day(4), "g1-N").Build();

        Home().Build().SingleViolationOf(rota, Code).ShouldMatch("anna", Day(4), Day(4), 7, 11);
    }

    [Fact]
    public void Overlapping_shifts_are_left_to_no_overlap()
    {
        // S Monday 21:00 -> Tuesday 08:00 and E Tuesday 07:00 overlap by 1 h: no rest figure to report.
        var rota = new RotaBuilder().Add("anna", Day(0), "g1-S").Add("anna", Day(1), "g1-E").Build();

        var problem = Home().Build();

        problem.ShouldKeep(rota, Code);
        problem.ViolationsOf(rota, "no-overlap").Should().ContainSingle();
    }

    [Fact]
    public void Each_short_rest_is_reported_for_its_own_caregiver()
    {
        // anna: L Mon -> E Tue (9 h) and L Wed -> E Thu (9 h); ben: only E shifts (16 h).
        var rota = new RotaBuilder()
            .Add("anna", Day(0), "g1-L").Add("anna", Day(1), "g1-E")
            .Add("anna", Day(2), "g1-L").Add("anna", Day(3), "g1-E")
            .AddDays("ben", Monday, 5, "g1-E")
            .Build();

        var violations = Home().Build().ViolationsOf(rota, Code);

        violations.Should().HaveCount(2);
        violations.Should().OnlyContain(v => v.CaregiverId == "anna" && v.Measured == 9);
        violations.Select(v => (v.From, v.To)).Should().Equal((Day(0), Day(1)), (Day(2), Day(3)));
    }

    [Theory]
    [InlineData(9, false)]
    [InlineData(9.5, true)]
    [InlineData(8, false)]
    public void A_changed_limit_is_kept_exactly_at_it(double limit, bool broken)
    {
        // L -> E rests 9 h: a limit of 9 is met exactly, 9.5 is not.
        var problem = Home().WithRule(Code, s => s with { Limit = limit }).Build();
        var rota = new RotaBuilder().Add("anna", Day(0), "g1-L").Add("anna", Day(1), "g1-E").Build();

        if (broken)
        {
            problem.SingleViolationOf(rota, Code).ShouldMatch("anna", Day(0), Day(1), 9, limit);
        }
        else
        {
            problem.ShouldKeep(rota, Code);
        }
    }

    [Fact]
    public void A_longer_limit_catches_rests_that_meet_the_default()
    {
        // E Mon ends 15:00 -> E Tue 07:00 is 16 h: meets 16 exactly, falls short of 16.5.
        var rota = new RotaBuilder().Add("anna", Day(0), "g1-E").Add("anna", Day(1), "g1-E").Build();

        Home().WithRule(Code, s => s with { Limit = 16 }).Build().ShouldKeep(rota, Code);
        Home().WithRule(Code, s => s with { Limit = 16.5 }).Build().SingleViolationOf(rota, Code).ShouldMatch("anna", Day(0), Day(1), 16, 16.5);
    }

    [Fact]
    public void A_disabled_rule_reports_nothing()
    {
        var problem = Home().WithRule(Code, s => s with { Enabled = false }).Build();
        var rota = new RotaBuilder().Add("anna", Day(0), "g1-L").Add("anna", Day(1), "g1-E").Build();

        problem.ShouldKeep(rota, Code);
    }

    [Fact]
    public void A_soft_rule_reports_a_soft_violation()
    {
        var problem = Home().WithRule(Code, s => s with { Severity = Severity.Soft }).Build();
        var rota = new RotaBuilder().Add("anna", Day(0), "g1-L").Add("anna", Day(1), "g1-E").Build();

        problem.SingleViolationOf(rota, Code).ShouldMatch("anna", Day(0), Day(1), 9, 11, Severity.Soft);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Rest_after_a_double_booked_day_counts_from_the_later_end(bool longDayFirst)
    {
        // D 07-21:30 and E 07-15 on Monday (a double booking), then E Tuesday 07:00: the caregiver
        // is free from 21:30 only, so the rest before Tuesday's E is 9.5 h whichever assignment comes first.
        var builder = new RotaBuilder();
        var rota = (longDayFirst
            ? builder.Add("anna", Day(0), "g1-D").Add("anna", Day(0), "g1-E")
            : builder.Add("anna", Day(0), "g1-E").Add("anna", Day(0), "g1-D"))
            .Add("anna", Day(1), "g1-E")
            .Build();

        Home().Build().SingleViolationOf(rota, Code).ShouldMatch("anna", Day(0), Day(1), 9.5, 11);
    }
}
