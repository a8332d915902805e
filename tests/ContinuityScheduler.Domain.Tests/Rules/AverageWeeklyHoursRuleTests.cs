using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Domain.Tests.Support;
using NodaTime;
using static ContinuityScheduler.Domain.Tests.Rules.TimeRuleAssertions;

namespace ContinuityScheduler.Domain.Tests.Rules;

/// <summary>Without history every week before the horizon counts at contract hours; history cases are in <see cref="HistoryBoundaryTests"/>.</summary>
public sealed class AverageWeeklyHoursRuleTests
{
    private const string Code = "average-weekly-hours";

    private static ProblemBuilder HomeWith(double contractHours) =>
        new ProblemBuilder().WithGroup("g1").WithCaregiver("anna", contractHours).WithCaregiver("ben");

    [Fact]
    public void A_heavy_week_averaged_with_contract_weeks_keeps_the_rule()
    {
        // 17 weeks: 16 unknown weeks at 37 h + 7 x D (101.5 h) = 693.5 h / 17 = 40.79 h <= 48 h.
        var rota = new RotaBuilder().AddDays("anna", Monday, 7, "g1-D").Build();

        HomeWith(37).Build().ShouldKeep(rota, Code);
    }

    [Fact]
    public void Seventeen_weeks_at_48_contract_hours_and_a_heavy_week_break_it()
    {
        // (16 x 48 + 101.5) / 17 = 869.5 / 17 = 51.147 -> 51.15 h, over the 17 weeks from 2026-08-10 to 2026-12-06.
        var rota = new RotaBuilder().AddDays("anna", Monday, 7, "g1-D").Build();

        HomeWith(48).Build().SingleViolationOf(rota, Code).ShouldMatch("anna", new LocalDate(2026, 8, 10), Day(6), 51.15, 48);
    }

    [Fact]
    public void A_one_week_period_is_the_week_itself()
    {
        // Weeks = 1: D x4 = 58 h > 48 h.
        var problem = HomeWith(37).WithRule(Code, s => s with { Weeks = 1 }).Build();
        var rota = new RotaBuilder().AddDays("anna", Monday, 4, "g1-D").Build();

        problem.SingleViolationOf(rota, Code).ShouldMatch("anna", Day(0), Day(6), 58, 48);
    }

    [Theory]
    [InlineData(40, false)]
    [InlineData(41, true)]
    public void Exactly_at_the_limit_passes(double contractHours, bool broken)
    {
        // Weeks = 2: (contract + 7 x E = 56 h) / 2; 40 gives exactly 48 h, 41 gives 48.5 h.
        var problem = HomeWith(contractHours).WithRule(Code, s => s with { Weeks = 2 }).Build();
        var rota = new RotaBuilder().AddDays("anna", Monday, 7, "g1-E").Build();

        if (broken)
        {
            problem.SingleViolationOf(rota, Code).ShouldMatch("anna", Day(-7), Day(6), 48.5, 48);
        }
        else
        {
            problem.ShouldKeep(rota, Code);
        }
    }

    [Fact]
    public void Only_the_worst_period_is_reported()
    {
        // Two-week horizon, Weeks = 2, contract 40: period to week 1 = (40 + 58) / 2 = 49 h;
        // period to week 2 = (58 + 72.5) / 2 = 65.25 h: one violation, for the second.
        var problem = HomeWith(40).Starting(Monday, 2).WithRule(Code, s => s with { Weeks = 2 }).Build();
        var rota = new RotaBuilder().AddDays("anna", Day(0), 4, "g1-D").AddDays("anna", Day(7), 5, "g1-D").Build();

        problem.SingleViolationOf(rota, Code).ShouldMatch("anna", Day(0), Day(13), 65.25, 48);
    }

    [Fact]
    public void A_changed_limit_applies()
    {
        // The 51.15 h average of 17 weeks keeps a 52 h limit and breaks a 50 h one.
        var rota = new RotaBuilder().AddDays("anna", Monday, 7, "g1-D").Build();

        HomeWith(48).WithRule(Code, s => s with { Limit = 52 }).Build().ShouldKeep(rota, Code);
        HomeWith(48).WithRule(Code, s => s with { Limit = 50 }).Build().SingleViolationOf(rota, Code)
            .ShouldMatch("anna", new LocalDate(2026, 8, 10), Day(6), 51.15, 50);
    }

    [Fact]
    public void A_disabled_rule_reports_nothing()
    {
        var problem = HomeWith(48).WithRule(Code, s => s with { Enabled = false }).Build();

        problem.ShouldKeep(new RotaBuilder().AddDays("anna", Monday, 7, "g1-D").Build(), Code);
    }

    [Fact]
    public void A_soft_rule_reports_a_soft_violation()
    {
        var problem = HomeWith(48).WithRule(Code, s => s with { Severity = Severity.Soft }).Build();

        problem.SingleViolationOf(new RotaBuilder().AddDays("anna", Monday, 7, "g1-D").Build(), Code)
            .ShouldMatch("anna", new LocalDate(2026, 8, 10), Day(6), 51.15, 48, Severity.Soft);
    }
}
