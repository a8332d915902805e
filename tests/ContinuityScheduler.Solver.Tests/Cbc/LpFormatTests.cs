using ContinuityScheduler.Solver.Cbc;
using ContinuityScheduler.Solver.Engine;

namespace ContinuityScheduler.Solver.Tests.Cbc;

public class LpFormatTests
{
    [Fact]
    public void A_model_is_written_with_its_objective_rows_bounds_and_integers()
    {
        var model = new MipModel();
        var a = model.AddBinary(3);
        var b = model.AddInteger(1, 1, -2);
        var c = model.AddContinuous(0, double.MaxValue, 0.5);
        model.Add("test", [a, -1 * (Term)b, 2.5 * (Term)c], Sense.GreaterOrEqual, 1);

        var text = LpFormat.Write(model);

        text.Should().Contain("obj: 3 x0 - 2 x1 + 0.5 x2")
            .And.Contain("r0: 1 x0 - 1 x1 + 2.5 x2 >= 1")
            .And.Contain(" 0 <= x0 <= 1")
            .And.Contain(" x1 = 1")
            .And.Contain(" x2 >= 0")
            .And.Contain("Generals\n x0 x1");
    }
}
