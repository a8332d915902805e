namespace ContinuityScheduler.Curtois.Tests;

public sealed class CurtoisModelBuilderTests
{
    [Fact]
    public void A_valid_roster_encodes_to_a_feasible_point_whose_objective_is_the_checkers()
    {
        var model = CurtoisModelBuilder.Build(SmallInstance.Instance);
        var roster = CurtoisRoster.Parse(SmallInstance.Valid);

        var values = model.Encode(roster);

        model.Mip.Violated(values).Should().BeEmpty();
        model.Mip.Evaluate(values).Should().Be(55);
        model.Decode(values).ToString().Should().Be(roster.ToString());
    }

    [Theory]
    [InlineData("E E . . L E .", "E E E E . . .", "shift-rotation")]
    [InlineData("L L L . . . .", "E E E E . . .", "max-shifts")]
    [InlineData("E E . . E E E", "E E E E . . .", "max-total-minutes")]
    [InlineData("E E E E . . .", "E E E E . . .", "max-consecutive-shifts")]
    [InlineData("E E . . E . .", "E E E E . . .", "min-consecutive-shifts")]
    [InlineData("E E . . . E .", "E E E E . . .", "min-consecutive-shifts")]
    [InlineData("E E . E E . .", "E E E E . . .", "min-consecutive-days-off")]
    [InlineData("E E . . L L .", "E . . . . . .", "min-total-minutes")]
    [InlineData("E E . . L L .", ". . E E . . E", "max-weekends")]
    public void A_roster_the_checker_rejects_breaks_rows_of_the_same_rule(string a, string b, string rule)
    {
        var model = CurtoisModelBuilder.Build(SmallInstance.Instance);

        var values = model.Encode(CurtoisRoster.Parse([a, b]));

        model.Mip.Violated(values).Select(r => r.Rule).Distinct().Should().Equal(rule);
    }

    [Fact]
    public void Days_off_and_shift_types_an_employee_may_not_take_have_no_column()
    {
        var model = CurtoisModelBuilder.Build(SmallInstance.Instance);

        model.Assignment(1, 4, 0).Should().BeNull("B is off on day 4");
        model.Assignment(1, 3, 1).Should().BeNull("B may not work L");
        model.Assignment(0, 4, 1).Should().NotBeNull();
    }

    [Fact]
    public void Employees_left_out_have_no_columns_and_count_as_off()
    {
        var model = CurtoisModelBuilder.Build(SmallInstance.Instance, [0]);
        var roster = CurtoisRoster.Parse(["E E . . L L .", ". . . . . . ."]);

        var values = model.Encode(roster);

        model.Assignment(1, 0, 0).Should().BeNull();
        model.Mip.Violated(values).Should().BeEmpty();
        model.Mip.Evaluate(values).Should().Be(CurtoisChecker.Check(SmallInstance.Instance, roster).Objective);
    }
}
