using ContinuityScheduler.Solver.Cbc;
using ContinuityScheduler.Solver.Engine;

namespace ContinuityScheduler.Solver.Tests;

/// <summary>A neighbourhood's sub-model: the same answers as the whole model with the other columns fixed, in fewer columns and rows.</summary>
public class RestrictedModelTests
{
    [Fact]
    public void Fixed_columns_fold_into_the_constant_and_right_hand_sides_and_rows_without_free_columns_go()
    {
        var (model, x, linked, unlinked) = Model();
        var values = new double[model.Variables.Count];
        values[x[0].Index] = 1;
        values[unlinked.Index] = 1;

        var restricted = model.Restricted([x[2].Index, x[3].Index], values, i => i == linked.Index || i == unlinked.Index);

        restricted.Original.Should().BeEquivalentTo([x[2].Index, x[3].Index, linked.Index], "the auxiliary sharing a row with a free column is freed, the other one stays fixed");
        restricted.Model.Constraints.Should().NotContain(c => c.Rule == "fixed-only");
        restricted.Model.ObjectiveConstant.Should().Be(-10 + 1);
        var sub = restricted.Project(values);
        restricted.Model.Evaluate(sub).Should().Be(model.Evaluate(values));
        restricted.Expand(sub).Should().Equal(values);
    }

    [Fact]
    public async Task The_sub_model_solves_to_the_same_objective_as_the_whole_model_with_columns_fixed()
    {
        var (model, x, linked, unlinked) = Model();
        var values = new double[model.Variables.Count];
        values[x[0].Index] = 1;
        values[unlinked.Index] = 1;
        var engine = new CbcEngine();
        var options = new MipOptions { TimeLimit = TimeSpan.FromSeconds(20) };

        var restricted = model.Restricted([x[1].Index, x[2].Index, x[3].Index], values, i => i == linked.Index || i == unlinked.Index);
        var fixedColumns = new Dictionary<int, double> { [x[0].Index] = 1 };
        var sub = await engine.SolveAsync(restricted.Model, options, null, default);
        var whole = await engine.SolveAsync(model.WithFixed(fixedColumns), options, null, default);

        sub.Status.Should().Be(MipStatus.Optimal);
        var expanded = restricted.Expand(sub.Values!);
        model.Violated(expanded).Should().BeEmpty();
        model.Evaluate(expanded).Should().BeApproximately(whole.Objective!.Value, 1e-6);
    }

    /// <summary>A knapsack of capacity 12 (values 10, 13, 7, 8; weights 5, 7, 3, 4), an auxiliary that pays 2 when items 2 and 3 are both taken, and one tied to item 0 alone.</summary>
    private static (MipModel Model, List<Variable> X, Variable Linked, Variable Unlinked) Model()
    {
        var model = new MipModel();
        var x = new[] { (10, 5), (13, 7), (7, 3), (8, 4) }.Select(i => model.AddBinary(-i.Item1)).ToList();
        model.Add("capacity", x.Zip([5, 7, 3, 4], (v, w) => new Term(w, v)), Sense.LessOrEqual, 12);
        var linked = model.AddContinuous(0, 1, 2);
        model.Add("both", [x[2], x[3], -1 * (Term)linked], Sense.LessOrEqual, 1);
        var unlinked = model.AddContinuous(0, 1, 1);
        model.Add("fixed-only", [x[0], -1 * (Term)unlinked], Sense.LessOrEqual, 0);
        return (model, x, linked, unlinked);
    }
}
