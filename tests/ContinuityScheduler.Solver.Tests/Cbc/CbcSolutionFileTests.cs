using ContinuityScheduler.Solver.Cbc;
using ContinuityScheduler.Solver.Engine;

namespace ContinuityScheduler.Solver.Tests.Cbc;

public class CbcSolutionFileTests
{
    [Fact]
    public void An_optimal_header_gives_the_values_by_column_name()
    {
        var (status, values) = CbcSolutionFile.Read("Optimal - objective value 5.00000000\n      0 x0   1   3\n      3 x3   1   1\n", 4);

        status.Should().Be(MipStatus.Optimal);
        values.Should().Equal(1, 0, 0, 1);
    }

    [Theory]
    [InlineData("Stopped on time - objective value 12.5")]
    [InlineData("Stopped on iterations - objective value 12.5")]
    public void A_stopped_search_with_a_solution_is_feasible(string header)
    {
        var (status, values) = CbcSolutionFile.Read($"{header}\n      1 x1   1   0\n", 2);

        status.Should().Be(MipStatus.Feasible);
        values.Should().Equal(0, 1);
    }

    [Theory]
    [InlineData("Stopped on time (no integer solution - continuous used) - objective value 3.2", MipStatus.NoSolution)]
    [InlineData("Infeasible - objective value 0", MipStatus.Infeasible)]
    [InlineData("Integer infeasible - objective value 0", MipStatus.Infeasible)]
    [InlineData("", MipStatus.NoSolution)]
    public void Relaxation_values_after_a_failing_header_are_never_a_solution(string header, MipStatus expected)
    {
        var (status, values) = CbcSolutionFile.Read($"{header}\n      0 x0   0.5   0\n", 1);

        status.Should().Be(expected);
        values.Should().BeNull();
    }

    [Fact]
    public void Rows_marked_as_infeasible_still_give_their_value()
    {
        var (_, values) = CbcSolutionFile.Read("Stopped on time - objective value 2\n**    1 x1   1   0\n", 2);

        values.Should().Equal(0, 1);
    }
}
