using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Solver.Model;

namespace ContinuityScheduler.Solver.Tests;

/// <summary>The incumbent shared by the search's lanes: only valid, better rotas replace it.</summary>
public class SearchTests
{
    private readonly PlanningProblem problem = Homes.Sample("small-home");

    [Fact]
    public void A_valid_rota_is_kept_and_a_worse_one_is_refused()
    {
        var model = RotaModelBuilder.Build(problem);
        var search = new Search(model);
        var first = Construction.Build(problem);

        search.Offer(first).Should().BeTrue();
        var worse = new Rota(first.Assignments.Skip(1), RotaSolver.MadeBy);

        search.Offer(worse).Should().BeFalse("a post left empty costs a shortfall");
        search.Rota.Assignments.Should().BeEquivalentTo(first.Assignments);
        search.Objective.Should().Be(model.Mip.Evaluate(model.ValuesFor(first)));
    }

    [Fact]
    public void A_rota_that_breaks_a_rule_is_refused()
    {
        var model = RotaModelBuilder.Build(problem);
        var search = new Search(model);
        var first = Construction.Build(problem);
        var (worked, other) = first.Assignments
            .SelectMany(a => problem.Demands.Where(d => d.Id != a.DemandId && model.Assignments.ContainsKey(new AssignmentKey(a.CaregiverId, a.Date, d.Id))).Select(d => (a, d)))
            .First();
        var twoShiftsADay = new Rota([.. first.Assignments, new Assignment(worked.CaregiverId, worked.Date, other.Id)], RotaSolver.MadeBy);

        search.Offer(twoShiftsADay).Should().BeFalse();
        search.Valid.Should().BeFalse();
    }

    [Fact]
    public void Changes_are_laid_over_the_incumbent_as_it_is_now()
    {
        var model = RotaModelBuilder.Build(problem);
        var search = new Search(model);
        var first = Construction.Build(problem);
        var spare = first.Assignments.Where(a => Valid(model, first.Assignments.Where(b => b != a))).Take(2).ToList();
        spare.Should().HaveCount(2);
        var basis = new Rota(first.Assignments.Except(spare), RotaSolver.MadeBy);
        search.Offer(basis).Should().BeTrue();

        // Two lanes start from the same incumbent; each fills one of the two empty posts.
        search.Offer(basis, [(Key(spare[0]), true)]).Should().BeTrue();
        search.Offer(basis, [(Key(spare[1]), true)]).Should().BeTrue();

        search.Rota.Assignments.Should().Contain(spare, "the second lane's answer is laid over the first's, not over the rota it started from");
    }

    private static AssignmentKey Key(Assignment a) => new(a.CaregiverId, a.Date, a.DemandId);

    private static bool Valid(RotaModel model, IEnumerable<Assignment> assignments) =>
        !model.Mip.Violated(model.ValuesFor(new Rota(assignments, RotaSolver.MadeBy))).Any();
}
