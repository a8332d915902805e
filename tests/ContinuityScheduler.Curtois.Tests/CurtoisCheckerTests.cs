namespace ContinuityScheduler.Curtois.Tests;

public sealed class CurtoisCheckerTests
{
    private static readonly string B = SmallInstance.Valid[1];

    [Fact]
    public void The_valid_roster_keeps_every_rule_and_costs_55()
    {
        var verdict = SmallInstance.Check(SmallInstance.Valid);

        verdict.Violations.Should().BeEmpty();
        verdict.RequestPenalty.Should().Be(2);
        verdict.CoverPenalty.Should().Be(53);
        verdict.Objective.Should().Be(55);
    }

    [Theory]
    [InlineData("E E . . L E .", "shift-rotation")]
    [InlineData("L L L . . . .", "max-shifts")]
    [InlineData("E E . . E E E", "max-total-minutes")]
    [InlineData("E E E E . . .", "max-consecutive-shifts")]
    [InlineData("E E . . E . .", "min-consecutive-shifts")]
    [InlineData("E E . . . E .", "min-consecutive-shifts")]
    [InlineData("E E . E E . .", "min-consecutive-days-off")]
    public void Each_broken_rule_of_A_is_the_only_violation(string a, string rule)
    {
        var verdict = SmallInstance.Check(a, B);

        verdict.Violations.Select(v => v.Rule).Should().Equal(rule);
        verdict.Violations[0].EmployeeId.Should().Be("A");
    }

    [Theory]
    [InlineData("E E L . . . .", "max-shifts")]
    [InlineData("E . . . . . .", "min-total-minutes")]
    [InlineData(". . E E . . E", "max-weekends")]
    [InlineData("E . . . E . .", "days-off")]
    public void Each_broken_rule_of_B_is_the_only_violation(string b, string rule)
    {
        var verdict = SmallInstance.Check(SmallInstance.Valid[0], b);

        verdict.Violations.Select(v => v.Rule).Should().Equal(rule);
        verdict.Violations[0].EmployeeId.Should().Be("B");
    }

    [Theory]
    [InlineData("E . . E E . .")]
    [InlineData("E E . . . . E")]
    [InlineData(". E E E . . .")]
    [InlineData("E E . . E E .")]
    public void Runs_at_the_edges_of_the_horizon_are_exempt_from_the_minimums(string a)
    {
        SmallInstance.Check(a, B).Violations.Should().BeEmpty();
    }

    [Fact]
    public void Limits_hold_at_their_bounds()
    {
        // A: two L of at most two and 2160 of at most 2160 minutes, B: 960 of at least 960.
        SmallInstance.Check("L L . . E E .", "E E . . . . .").Violations.Should().BeEmpty();

        // A: 1440 of at least 1440 minutes, B: 1920 of at most 1920.
        SmallInstance.Check("E . . E E . .", "E E E E . . .").Violations.Should().BeEmpty();
    }

    [Fact]
    public void Saturday_and_Sunday_are_one_weekend()
    {
        SmallInstance.Check(". . . . E L L", B).Violations.Should().BeEmpty();
    }

    [Fact]
    public void An_unknown_shift_id_is_a_violation()
    {
        SmallInstance.Check("X E . . L L .", B).Violations.Select(v => v.Rule).Should().Contain("unknown-shift");
    }

    [Fact]
    public void A_violation_names_who_when_and_why()
    {
        var violation = SmallInstance.Check("E E E E . . .", B).Violations.Single();

        violation.Should().Be(new CurtoisViolation("max-consecutive-shifts", "A", 0, "works 4 days in a row (days 0–3), at most 3 allowed."));
    }

    [Fact]
    public void An_on_request_is_broken_by_a_day_off()
    {
        // A's on-request for E on day 0 costs 2; day 0 E is no longer over-covered (−3).
        var verdict = SmallInstance.Check(". E . . L L .", B);

        (verdict.RequestPenalty, verdict.CoverPenalty, verdict.Objective).Should().Be((4, 50, 54));
    }

    [Fact]
    public void An_on_request_is_broken_by_another_shift()
    {
        // A works L instead of E on day 0: request 2; E exactly covered; L one over at weight 1.
        var verdict = SmallInstance.Check("L E . . L L .", B);

        (verdict.RequestPenalty, verdict.CoverPenalty, verdict.Objective).Should().Be((4, 51, 55));
    }

    [Fact]
    public void An_off_request_is_met_by_a_day_off()
    {
        // B off on day 0: the off-request costs nothing and day 0 E is covered exactly.
        SmallInstance.Check("E E . . L L .", ". E E E . . .").Objective.Should().Be(50);
    }

    [Fact]
    public void An_off_request_concerns_its_own_shift_only()
    {
        // A's off-request is for L on day 1: working E there is free, working L costs 1 (and moves cover).
        var verdict = SmallInstance.Check("E L . . L L .", B);

        verdict.RequestPenalty.Should().Be(3);
        verdict.CoverPenalty.Should().Be(3 + 100);
        verdict.Objective.Should().Be(106);
    }

    [Fact]
    public void Under_cover_is_priced_per_missing_person_at_its_own_weight()
    {
        // Nobody works: both on-requests (2 + 3) and every required person: 100 + 2×100 + 50 + 100 + 100 + 100 + 100.
        var verdict = SmallInstance.Check(". . . . . . .", ". . . . . . .");

        (verdict.RequestPenalty, verdict.CoverPenalty, verdict.Objective).Should().Be((5, 750, 755));
    }

    [Fact]
    public void Over_cover_is_priced_per_extra_person_at_its_own_weight()
    {
        // Both on E every day: E over by 1 on days 0, 2, 3 (weights 3, 1, 1) and by 2 on days 4–6; L short on days 1, 4, 5.
        var verdict = SmallInstance.Check("E E E E E E E", "E E E E E E E");

        (verdict.RequestPenalty, verdict.CoverPenalty, verdict.Objective).Should().Be((2, 11 + 250, 263));
    }

    [Fact]
    public void A_roster_of_the_wrong_shape_is_refused()
    {
        var act = () => SmallInstance.Check("E E . . L L .");

        act.Should().Throw<ArgumentException>().WithMessage("*1 employees × 7 days*2 × 7*");
    }
}
