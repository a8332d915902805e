using ContinuityScheduler.Domain.Baseline;
using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Solver.Model;

namespace ContinuityScheduler.Solver.Tests;

/// <summary>The model prices any rota exactly as the independent objective function does.</summary>
public class ObjectiveTests
{
    [Theory]
    [InlineData("small-home")]
    [InlineData("dst-week")]
    [InlineData("baby-home")]
    public void The_model_and_the_objective_function_price_the_hospital_way_alike(string sample)
    {
        var problem = Homes.Sample(sample);
        var rota = HospitalWay.Generate(problem);
        var model = RotaModelBuilder.Build(problem);

        var fromModel = model.Mip.Evaluate(model.ValuesFor(rota));

        // Only assignments the model allows can be priced by it; the hospital way keeps skills, groups and absences.
        model.Covers(rota).Should().BeTrue();
        fromModel.Should().BeApproximately(ObjectiveFunction.Evaluate(problem, rota).Total, 1e-6);
    }

    [Fact]
    public void An_empty_rota_costs_every_person_shift_as_shortfall()
    {
        var problem = Homes.Sample("small-home");
        var personShifts = problem.Horizon.Dates.Sum(d => problem.Demands.Where(x => x.AppliesOn(d)).Sum(x => x.Count));

        var objective = ObjectiveFunction.Evaluate(problem, new Rota([]));

        objective.Shortfall.Should().Be(personShifts * ObjectiveWeights.Default.Shortfall);
        objective.Continuity.Should().Be(0);
    }
}
