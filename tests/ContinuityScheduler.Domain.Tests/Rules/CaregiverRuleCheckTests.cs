using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Domain.Shifts;
using ContinuityScheduler.Domain.Tests.Support;
using static ContinuityScheduler.Domain.Tests.Rules.TimeRuleAssertions;

namespace ContinuityScheduler.Domain.Tests.Rules;

/// <summary>
/// The check builders use shift by shift: a caregiver who already breaks a rule may still take shifts that break
/// nothing more, but no shift that breaks it again elsewhere or makes the old breach worse, even in rules whose finished
/// report names only the worst window.
/// </summary>
public sealed class CaregiverRuleCheckTests
{
    private static readonly HashSet<string> MaxNights = ["max-nights"];

    /// <summary>Two weeks, at most 3 nights in any 7 days; anna already works 4 nights Monday–Thursday of week one and 3 of week two.</summary>
    private static (PlanningProblem Problem, CaregiverTimeline Anna) FourNightsThenThree()
    {
        var problem = Home().Starting(Monday, 2).WithRule("max-nights", s => s with { Weeks = 1, Limit = 3 }).Build();
        var rota = new RotaBuilder().AddDays("anna", Day(0), 4, "g1-N").AddDays("anna", Day(7), 3, "g1-N").Build();
        return (problem, new ResolvedRota(problem, rota).Timelines["anna"]);
    }

    private static WorkedShift Shift(PlanningProblem problem, int day, string demand) =>
        ResolvedRota.Place(problem, new Assignment("anna", Day(day), demand));

    [Fact]
    public void A_second_breach_behind_an_equal_first_is_refused()
    {
        var (problem, anna) = FourNightsThenThree();

        // A fourth night in week two breaks the rule in a new window; the finished report still names only week one's.
        var fourth = Shift(problem, 10, "g1-N");
        var rota = new RotaBuilder().AddDays("anna", Day(0), 4, "g1-N").AddDays("anna", Day(7), 4, "g1-N").Build();
        RotaValidator.Validate(problem, rota).Violations.Where(v => v.Code == "max-nights").Should().ContainSingle().Which.To.Should().Be(Day(3));

        new CaregiverRuleCheck(problem, MaxNights).Allows(anna, fourth).Should().BeFalse();
    }

    [Fact]
    public void A_shift_that_makes_the_old_breach_worse_is_refused()
    {
        var (problem, anna) = FourNightsThenThree();

        new CaregiverRuleCheck(problem, MaxNights).Allows(anna, Shift(problem, 4, "g1-N")).Should().BeFalse();
    }

    [Fact]
    public void A_shift_that_breaks_nothing_more_is_still_allowed()
    {
        var (problem, anna) = FourNightsThenThree();

        new CaregiverRuleCheck(problem, MaxNights).Allows(anna, Shift(problem, 12, "g1-E")).Should().BeTrue();
    }
}
