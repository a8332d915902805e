using ContinuityScheduler.Solver.Cbc;

namespace ContinuityScheduler.Solver.Tests.Cbc;

public class CbcLogTests
{
    [Theory]
    [InlineData("Cbc0012I Integer solution of 2735.3928 found by feasibility pump after 0 iterations and 0 nodes (1.87 seconds)", 2735.3928, null)]
    [InlineData("Cbc0004I Integer solution of 2480 found after 5321 iterations and 12 nodes (8.40 seconds)", 2480.0, null)]
    [InlineData("Cbc0010I After 100 nodes, 34 on tree, 2480.39 best solution, best possible 2412.23 (17.02 seconds)", 2480.39, 2412.23)]
    [InlineData("Cbc0010I After 0 nodes, 1 on tree, 1e+50 best solution, best possible 1678.45 (0.31 seconds)", null, 1678.45)]
    [InlineData("Continuous objective value is 1678.45 - 0.30 seconds", null, 1678.45)]
    [InlineData("Lower bound:                    2068.490", null, 2068.49)]
    [InlineData("Cgl0004I processed model has 3 rows, 4 columns", null, null)]
    public void Incumbents_and_bounds_are_read_from_the_log(string line, double? incumbent, double? bound)
    {
        CbcLog.Read(line).Should().Be((incumbent, bound));
    }
}
