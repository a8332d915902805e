using ContinuityScheduler.Solver.Engine;
using ContinuityScheduler.Solver.Engine.CpSat;
using ContinuityScheduler.Solver.Model;
using ContinuityScheduler.Solver.Tests.Support;
using CsCheck;

namespace ContinuityScheduler.Solver.Tests.Engine;

/// <summary>CP-SAT behind the engine seam: answers checked against the model itself and hand-worked optima, never the engine's word.</summary>
public sealed class CpSatEngineTests
{
    private static readonly MipOptions Repeatable = new() { TimeLimit = TimeSpan.FromSeconds(20), Deterministic = true, Threads = 1 };

    private readonly CpSatEngine engine = new();

    [Fact]
    public async Task A_small_knapsack_is_solved_to_its_known_optimum()
    {
        // Values 10, 13, 7, 8 and weights 5, 7, 3, 4 under capacity 12: items 0, 2, 3 give 25 (weight 12); no set gives more.
        var model = new MipModel();
        var items = new[] { (10, 5), (13, 7), (7, 3), (8, 4) }.Select(i => (x: model.AddBinary(-i.Item1), weight: i.Item2)).ToList();
        model.Add("capacity", items.Select(i => new Term(i.weight, i.x)), Sense.LessOrEqual, 12);

        var result = await engine.SolveAsync(model, Repeatable, null, default);

        result.Status.Should().Be(MipStatus.Optimal);
        result.Values.Should().Equal(1, 0, 1, 1);
        model.Evaluate(result.Values!).Should().Be(-25);
        result.Objective.Should().Be(-25);
        result.Bound.Should().Be(-25);
    }

    [Fact]
    public async Task A_model_without_any_solution_is_reported_infeasible()
    {
        var model = new MipModel();
        var x = model.AddBinary(1);
        var y = model.AddBinary(1);
        model.Add("both", [x, y], Sense.GreaterOrEqual, 2);
        model.Add("at-most-one", [x, y], Sense.LessOrEqual, 1);

        var result = await engine.SolveAsync(model, Repeatable, null, default);

        result.Status.Should().Be(MipStatus.Infeasible);
        result.HasSolution.Should().BeFalse();
    }

    [Fact]
    public void Fractional_rows_and_costs_reach_the_exhaustive_optimum_and_the_bound_stays_below_it()
    {
        // Hours in halves and quarters, sevenths of a week, thirds: the translation to integers must lose nothing.
        RandomModels.Any.Sample(shape =>
        {
            var (model, best, exact) = RandomModels.Build(shape);

            var result = engine.SolveAsync(model, Repeatable, null, default).GetAwaiter().GetResult();

            if (best is null)
            {
                result.Status.Should().Be(MipStatus.Infeasible, $"{shape} has no solution");
                return;
            }

            result.Status.Should().Be(MipStatus.Optimal, $"{shape}");
            model.Violated(result.Values!).Should().BeEmpty();
            // The deviation column sits on its minute grid: rounded up by less than a step (half a unit an hour), it may tie
            // two points whose exact deviations differ by less; the engine's choice is never worse than that.
            exact(result.Values!).Should().BeInRange(best.Value - 1e-9, best.Value + (0.5 / 60) + 1e-9, $"{shape}");
            model.Evaluate(result.Values!).Should().BeInRange(best.Value - 1e-9, best.Value + (0.5 / 60) + 1e-9);
            result.Bound.Should().BeLessThanOrEqualTo(best.Value + 1e-9, $"{shape}");
        }, iter: 60, threads: 1);
    }

    [Fact]
    public async Task Costs_no_whole_multiplier_makes_exact_are_rounded_down_so_the_bound_stays_valid()
    {
        // π and √2 per unit: scaled by 10⁴ and rounded down, the engine's optimum is the true one here and its bound below it.
        var model = new MipModel();
        var x = model.AddInteger(0, 3, Math.PI);
        var y = model.AddInteger(0, 3, Math.Sqrt(2));
        model.Add("enough", [x, 2 * (Term)y], Sense.GreaterOrEqual, 4);

        var result = await engine.SolveAsync(model, Repeatable, null, default);

        // x + 2y ≥ 4: y = 2 costs 2√2 ≈ 2.83, less than x = 2, y = 1 (π + √2) or x = 4 (out of range).
        result.Values.Should().Equal(0, 2);
        result.Bound.Should().BeLessThanOrEqualTo(2 * Math.Sqrt(2));
        result.Bound.Should().BeGreaterThan((2 * Math.Sqrt(2)) - 1e-3);
    }

    [Fact]
    public async Task Levels_are_minimised_in_order_each_held_at_its_best()
    {
        // Level "uncovered" first: cover both posts (a + b = 2 when each is covered), then the cost: a is dearer than c.
        // Weighted alone, leaving a post empty (cost 1) would win over covering it with a (cost 5).
        var model = new MipModel();
        var a = model.AddBinary(5);
        var b = model.AddBinary(1);
        var c = model.AddBinary(2);
        var emptyFirst = model.AddBinary(1);
        var emptySecond = model.AddBinary(1);
        model.Add("first post", [a, emptyFirst], Sense.Equal, 1);
        model.Add("second post", [b, c, emptySecond], Sense.Equal, 1);
        model.AddLevel("uncovered", [emptyFirst, emptySecond]);

        var result = await engine.SolveAsync(model, Repeatable, null, default);

        result.Values.Should().Equal(1, 1, 0, 0, 0);
        var level = result.Levels.Should().ContainSingle().Subject;
        (level.Name, level.Value, level.Bound, level.Proven).Should().Be(("uncovered", 0.0, 0.0, true));
        level.ProvenSeconds.Should().NotBeNull().And.BeInRange(0, result.Seconds, "proven by the level's search, before the objective's");
        result.Objective.Should().Be(6);
        result.Status.Should().Be(MipStatus.Optimal);
    }

    [Fact]
    public async Task The_repeatable_mode_gives_the_same_answer_twice()
    {
        var problem = Homes.Generated(7, tight: false, underThrees: true);
        var model = RotaModelBuilder.Build(problem).Mip;
        var options = Repeatable with { TimeLimit = TimeSpan.FromSeconds(3), Threads = 2 };

        var first = await engine.SolveAsync(model, options, null, default);
        var second = await engine.SolveAsync(model, options, null, default);

        first.Values.Should().NotBeNull();
        second.Values.Should().Equal(first.Values);
    }

    [Fact]
    public async Task Cancelling_returns_the_best_solution_found_so_far()
    {
        var model = RotaModelBuilder.Build(Homes.Sample("baby-home")).Mip;
        using var cancel = new CancellationTokenSource();
        var found = new TaskCompletionSource();
        var progress = new SynchronousProgress<MipProgress>(p =>
        {
            if (p.Incumbent is not null)
            {
                found.TrySetResult();
            }
        });

        var solving = engine.SolveAsync(model, new MipOptions { TimeLimit = TimeSpan.FromMinutes(10) }, progress, cancel.Token);
        await found.Task.WaitAsync(TimeSpan.FromMinutes(2));
        await cancel.CancelAsync();
        var result = await solving.WaitAsync(TimeSpan.FromMinutes(1));

        result.Values.Should().NotBeNull("a cancelled solve keeps its best solution");
        model.Violated(result.Values!).Should().BeEmpty();
        result.Status.Should().BeOneOf(MipStatus.Feasible, MipStatus.Optimal);
    }

    [Fact]
    public async Task Two_solves_at_the_same_time_each_get_their_own_answer()
    {
        var first = new MipModel();
        var x = first.AddInteger(0, 10, -1);
        first.Add("cap", [3 * (Term)x], Sense.LessOrEqual, 20);
        var second = new MipModel();
        var y = second.AddInteger(0, 10, 1);
        second.Add("floor", [2 * (Term)y], Sense.GreaterOrEqual, 7);

        var results = await Task.WhenAll(engine.SolveAsync(first, Repeatable, null, default), engine.SolveAsync(second, Repeatable, null, default));

        results[0].Values.Should().Equal(6);
        results[1].Values.Should().Equal(4);
    }

    /// <summary>Reports on the caller's thread, so a test sees progress without a synchronisation context.</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
