using ContinuityScheduler.Domain.Baseline;
using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Solver.Model;
using ContinuityScheduler.Solver.Tests.Support;
using CsCheck;

namespace ContinuityScheduler.Solver.Tests.Model;

/// <summary>
/// The objective three ways: the model's price of a rota (its columns at ValuesFor), ObjectiveFunction, and the tests'
/// own pricing written from docs/solver.md alone. All three agree on random rotas of random homes, repairs included.
/// </summary>
public sealed class ObjectiveTests
{
    [Fact]
    public void Model_objective_function_and_the_documented_pricing_agree_on_random_rotas()
    {
        HomeShape.Any.Sample(shape =>
        {
            var problem = RandomHomes.Build(shape);
            var model = RotaModelBuilder.Build(problem);
            var rota = RandomHomes.RandomRota(model, shape);

            var documented = IndependentObjective.Price(problem, rota);

            ObjectiveFunction.Evaluate(problem, rota).Total.Should().BeApproximately(documented, 1e-6, $"{shape}");
            model.Mip.Evaluate(model.ValuesFor(rota)).Should().BeApproximately(documented, 1e-6, $"{shape}");
        }, iter: 300, threads: 1);
    }

    [Fact]
    public void A_repair_prices_each_change_alike_three_ways()
    {
        HomeShape.Any.Sample(shape =>
        {
            var problem = RandomHomes.Build(shape);
            var published = RandomHomes.RandomRota(RotaModelBuilder.Build(problem), shape);
            var reference = new RepairReference(problem, published);
            var model = RotaModelBuilder.Build(problem, reference: reference);
            var rota = RandomHomes.RandomRota(model, shape with { Seed = shape.Seed + 1 });

            var documented = IndependentObjective.Price(problem, rota, published);

            ObjectiveFunction.Evaluate(problem, rota, reference: reference).Total.Should().BeApproximately(documented, 1e-6, $"{shape}");
            model.Mip.Evaluate(model.ValuesFor(rota)).Should().BeApproximately(documented, 1e-6, $"{shape}");
        }, iter: 200, threads: 1);
    }

    [Theory]
    [InlineData("small-home")]
    [InlineData("dst-week")]
    [InlineData("baby-home")]
    public void The_hospital_way_of_each_sample_is_priced_alike_three_ways(string sample)
    {
        var problem = Homes.Sample(sample);
        var rota = HospitalWay.Generate(problem);
        var model = RotaModelBuilder.Build(problem);

        var documented = IndependentObjective.Price(problem, rota);

        // Only assignments the model allows can be priced by it; the hospital way keeps skills, groups and absences.
        model.Breaks(rota).Should().NotContain(["skills", "allowed-groups", "absence"]);
        model.Mip.Evaluate(model.ValuesFor(rota)).Should().BeApproximately(documented, 1e-6);
        ObjectiveFunction.Evaluate(problem, rota).Total.Should().BeApproximately(documented, 1e-6);
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
