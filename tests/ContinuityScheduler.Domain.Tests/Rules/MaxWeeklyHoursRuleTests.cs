using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Domain.Tests.Support;
using static ContinuityScheduler.Domain.Tests.Rules.TimeRuleAssertions;

namespace ContinuityScheduler.Domain.Tests.Rules;

public sealed class MaxWeeklyHoursRuleTests
{
    private const string Code = "max-weekly-hours";

    [Fact]
    public void Seven_earlies_keep_the_cap()
    {
        // 7 x 8 h = 56 h <= 60 h.
        var rota = new RotaBuilder().AddDays("anna", Monday, 7, "g1-E").Build();

        Home().Build().ShouldKeep(rota, Code);
    }

    [Fact]
    public void Five_long_days_break_the_cap()
    {
        // 5 x 14.5 h = 72.5 h > 60 h.
        var rota = new RotaBuilder().AddDays("anna", Monday, 5, "g1-D").Build();

        Home().Build().SingleViolationOf(rota, Code).ShouldMatch("anna", Day(0), Day(6), 72.5, 60);
    }

    [Fact]
    public void Exactly_sixty_hours_with_sleep_ins_counted_whole_keeps_the_cap()
    {
        // S Mon-Thu: 4 x 11 h working time (paid at half, but working time in full) = 44 h; E Sat, Sun: 16 h. Total 60 h.
        var rota = new RotaBuilder().AddDays("anna", Day(0), 4, "g1-S").AddDays("anna", Day(5), 2, "g1-E").Build();

        Home().Build().ShouldKeep(rota, Code);
    }

    [Fact]
    public void One_shift_more_than_sixty_hours_breaks_the_cap()
    {
        // As above plus L Friday: 60 + 8 = 68 h.
        var rota = new RotaBuilder()
            .AddDays("anna", Day(0), 4, "g1-S")
            .Add("anna", Day(4), "g1-L")
            .AddDays("anna", Day(5), 2, "g1-E")
            .Build();

        Home().Build().SingleViolationOf(rota, Code).ShouldMatch("anna", Day(0), Day(6), 68, 60);
    }

    [Fact]
    public void A_night_counts_whole_in_the_week_it_starts()
    {
        // Two weeks. D Mon-Thu (58 h) + N Sunday 22:00 -> Monday 07:00 (9 h) all in week 1: 67 h; week 2 is empty.
        var problem = Home().Starting(Monday, 2).Build();
        var rota = new RotaBuilder().AddDays("anna", Day(0), 4, "g1-D").Add("anna", Day(6), "g1-N").Build();

        problem.SingleViolationOf(rota, Code).ShouldMatch("anna", Day(0), Day(6), 67, 60);
    }

    [Fact]
    public void Each_week_over_the_cap_is_reported()
    {
        // Two weeks: D x5 = 72.5 h in week 1; D x4 + E = 66 h in week 2.
        var problem = Home().Starting(Monday, 2).Build();
        var rota = new RotaBuilder().AddDays("anna", Day(0), 5, "g1-D").AddDays("anna", Day(7), 4, "g1-D").Add("anna", Day(12), "g1-E").Build();

        var violations = problem.ViolationsOf(rota, Code);

        violations.Should().HaveCount(2);
        violations[0].ShouldMatch("anna", Day(0), Day(6), 72.5, 60);
        violations[1].ShouldMatch("anna", Day(7), Day(13), 66, 60);
    }

    [Fact]
    public void A_live_in_counts_its_72_hours()
    {
        // X Monday 07:00 -> Thursday 07:00 = 72 h of working time in one week.
        var rota = new RotaBuilder().Add("anna", Day(0), "g1-X").Build();

        Home().WithResidentialDerogation().Build().SingleViolationOf(rota, Code).ShouldMatch("anna", Day(0), Day(6), 72, 60);
    }

    [Theory]
    [InlineData(56, false)]
    [InlineData(55.5, true)]
    public void A_changed_cap_is_kept_exactly_at_it(double limit, bool broken)
    {
        // 7 x E = 56 h.
        var problem = Home().WithRule(Code, s => s with { Limit = limit }).Build();
        var rota = new RotaBuilder().AddDays("anna", Monday, 7, "g1-E").Build();

        if (broken)
        {
            problem.SingleViolationOf(rota, Code).ShouldMatch("anna", Day(0), Day(6), 56, limit);
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

        problem.ShouldKeep(new RotaBuilder().AddDays("anna", Monday, 5, "g1-D").Build(), Code);
    }

    [Fact]
    public void A_soft_rule_reports_a_soft_violation()
    {
        var problem = Home().WithRule(Code, s => s with { Severity = Severity.Soft }).Build();

        problem.SingleViolationOf(new RotaBuilder().AddDays("anna", Monday, 5, "g1-D").Build(), Code)
            .ShouldMatch("anna", Day(0), Day(6), 72.5, 60, Severity.Soft);
    }
}
