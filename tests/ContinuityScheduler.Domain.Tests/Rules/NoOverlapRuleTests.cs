using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Domain.Tests.Support;
using static ContinuityScheduler.Domain.Tests.Rules.TimeRuleAssertions;

namespace ContinuityScheduler.Domain.Tests.Rules;

public sealed class NoOverlapRuleTests
{
    private const string Code = "no-overlap";

    [Fact]
    public void Back_to_back_shifts_do_not_overlap()
    {
        // N Monday 22:00 -> Tuesday 07:00, then E Tuesday 07:00: half-open intervals touch, 0 h shared.
        var rota = new RotaBuilder().Add("anna", Day(0), "g1-N").Add("anna", Day(1), "g1-E").Build();

        Home().Build().ShouldKeep(rota, Code);
    }

    [Fact]
    public void Early_and_late_on_one_day_overlap_by_one_hour()
    {
        // E 07-15 and L 14-22 share 14:00-15:00: 1 h over a limit of 0.
        var rota = new RotaBuilder().Add("anna", Day(0), "g1-E").Add("anna", Day(0), "g1-L").Build();

        Home().Build().SingleViolationOf(rota, Code).ShouldMatch("anna", Day(0), Day(0), 1, 0);
    }

    [Fact]
    public void A_sleep_in_running_into_the_next_early_overlaps_across_midnight()
    {
        // S Monday 21:00 -> Tuesday 08:00 and E Tuesday 07:00: 1 h shared, reported from Monday to Tuesday.
        var rota = new RotaBuilder().Add("anna", Day(0), "g1-S").Add("anna", Day(1), "g1-E").Build();

        Home().Build().SingleViolationOf(rota, Code).ShouldMatch("anna", Day(0), Day(1), 1, 0);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_shift_inside_another_overlaps_by_its_whole_length(bool longDayFirst)
    {
        // E 07-15 lies inside D 07-21:30: the overlap is the E's 8 h, whichever assignment comes first.
        var builder = new RotaBuilder();
        var rota = (longDayFirst
            ? builder.Add("anna", Day(2), "g1-D").Add("anna", Day(2), "g1-E")
            : builder.Add("anna", Day(2), "g1-E").Add("anna", Day(2), "g1-D")).Build();

        Home().Build().SingleViolationOf(rota, Code).ShouldMatch("anna", Day(2), Day(2), 8, 0);
    }

    [Fact]
    public void A_shift_during_a_live_in_overlaps_by_its_whole_length()
    {
        // X Monday 07:00 -> Thursday 07:00 contains the E on Tuesday 07-15: 8 h, Monday to Tuesday.
        var rota = new RotaBuilder().Add("anna", Day(0), "g1-X").Add("anna", Day(1), "g1-E").Build();

        Home().WithResidentialDerogation().Build().SingleViolationOf(rota, Code).ShouldMatch("anna", Day(0), Day(1), 8, 0);
    }

    [Fact]
    public void Two_caregivers_on_the_same_hours_do_not_overlap_each_other()
    {
        var rota = new RotaBuilder().Add("anna", Day(0), "g1-E").Add("ben", Day(0), "g1-L").Add("ben", Day(0), "g1-N").Build();

        Home().Build().ShouldKeep(rota, Code);
    }

    [Fact]
    public void A_higher_limit_tolerates_overlap_up_to_it()
    {
        var problem = Home().WithRule(Code, s => s with { Limit = 1 }).Build();
        var earlyLate = new RotaBuilder().Add("anna", Day(0), "g1-E").Add("anna", Day(0), "g1-L").Build();
        var longDayLate = new RotaBuilder().Add("anna", Day(0), "g1-D").Add("anna", Day(0), "g1-L").Build();

        // E+L share exactly 1 h (at the limit: passes); D 07-21:30 and L 14-22 share 14:00-21:30 = 7.5 h.
        problem.ShouldKeep(earlyLate, Code);
        problem.SingleViolationOf(longDayLate, Code).ShouldMatch("anna", Day(0), Day(0), 7.5, 1);
    }

    [Fact]
    public void A_disabled_rule_reports_nothing()
    {
        var problem = Home().WithRule(Code, s => s with { Enabled = false }).Build();
        var rota = new RotaBuilder().Add("anna", Day(0), "g1-E").Add("anna", Day(0), "g1-L").Build();

        problem.ShouldKeep(rota, Code);
    }

    [Fact]
    public void A_soft_rule_reports_a_soft_violation()
    {
        var problem = Home().WithRule(Code, s => s with { Severity = Severity.Soft }).Build();
        var rota = new RotaBuilder().Add("anna", Day(0), "g1-E").Add("anna", Day(0), "g1-L").Build();

        problem.SingleViolationOf(rota, Code).ShouldMatch("anna", Day(0), Day(0), 1, 0, Severity.Soft);
    }
}
