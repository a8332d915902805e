using ContinuityScheduler.Solver.Cbc;
using ContinuityScheduler.Solver.Engine;

namespace ContinuityScheduler.Solver.Tests.Cbc;

/// <summary>The CBC subprocess behind the engine seam: answers checked against the model itself, not CBC's word.</summary>
public class CbcEngineTests
{
    private readonly CbcEngine engine = new();

    [Fact]
    public async Task A_small_knapsack_is_solved_to_its_known_optimum()
    {
        // Values 10, 13, 7, 8 and weights 5, 7, 3, 4 under capacity 12: items 0, 2, 3 give 25 (weight 12); no set gives more.
        var model = new MipModel();
        var items = new[] { (10, 5), (13, 7), (7, 3), (8, 4) }.Select(i => (x: model.AddBinary(-i.Item1), weight: i.Item2)).ToList();
        model.Add("capacity", items.Select(i => new Term(i.weight, i.x)), Sense.LessOrEqual, 12);

        var result = await engine.SolveAsync(model, new MipOptions { TimeLimit = TimeSpan.FromSeconds(20) }, null, default);

        result.Status.Should().Be(MipStatus.Optimal);
        result.Values.Should().Equal(1, 0, 1, 1);
        model.Evaluate(result.Values!).Should().Be(-25);
        result.Objective.Should().Be(-25);
    }

    [Fact]
    public async Task Bound_only_gives_the_relaxation_bound_and_no_solution()
    {
        // Capacity 11: the relaxation takes items 2 and 0 whole and three quarters of item 3, 7 + 10 + 6 = 23; the best
        // whole choice is items 1 and 3, 21. The bound is the relaxation's, and nothing is returned as a solution.
        var model = new MipModel();
        var items = new[] { (10, 5), (13, 7), (7, 3), (8, 4) }.Select(i => (x: model.AddBinary(-i.Item1), weight: i.Item2)).ToList();
        model.Add("capacity", items.Select(i => new Term(i.weight, i.x)), Sense.LessOrEqual, 11);

        var result = await engine.SolveAsync(model, new MipOptions { TimeLimit = TimeSpan.FromSeconds(20), BoundOnly = true }, null, default);

        result.HasSolution.Should().BeFalse();
        result.Bound.Should().BeApproximately(-23, 1e-6);
    }

    [Fact]
    public async Task A_model_without_any_solution_is_reported_infeasible_from_the_solution_file()
    {
        var model = new MipModel();
        var x = model.AddBinary(1);
        var y = model.AddBinary(1);
        model.Add("both", [x, y], Sense.GreaterOrEqual, 2);
        model.Add("at-most-one", [x, y], Sense.LessOrEqual, 1);

        var result = await engine.SolveAsync(model, new MipOptions { TimeLimit = TimeSpan.FromSeconds(20) }, null, default);

        result.Status.Should().Be(MipStatus.Infeasible);
        result.HasSolution.Should().BeFalse();
    }

    [Fact]
    public async Task Two_solves_at_the_same_time_each_get_their_own_answer()
    {
        var first = Knapsack(seed: 1, items: 40, dimensions: 3);
        var second = Knapsack(seed: 2, items: 40, dimensions: 3);
        var alone = await engine.SolveAsync(first, new MipOptions { TimeLimit = TimeSpan.FromSeconds(30), Threads = 1 }, null, default);

        var together = await Task.WhenAll(
            engine.SolveAsync(first, new MipOptions { TimeLimit = TimeSpan.FromSeconds(30), Threads = 1 }, null, default),
            engine.SolveAsync(second, new MipOptions { TimeLimit = TimeSpan.FromSeconds(30), Threads = 1 }, null, default));

        together[0].Status.Should().Be(MipStatus.Optimal);
        together[1].Status.Should().Be(MipStatus.Optimal);
        together[0].Objective.Should().BeApproximately(alone.Objective!.Value, 1e-6);
        first.Violated(together[0].Values!).Should().BeEmpty();
        second.Violated(together[1].Values!).Should().BeEmpty();
    }

    [Fact]
    public async Task Cancelling_returns_the_best_solution_found_so_far()
    {
        var model = Knapsack(seed: 7, items: 600, dimensions: 25);
        using var cancel = new CancellationTokenSource();
        var found = new TaskCompletionSource();
        var progress = new SynchronousProgress(p =>
        {
            if (p.Incumbent is not null)
            {
                found.TrySetResult();
            }
        });

        var solving = engine.SolveAsync(model, new MipOptions { TimeLimit = TimeSpan.FromSeconds(120), Threads = 1 }, progress, cancel.Token);
        await found.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await cancel.CancelAsync();
        var result = await solving;

        result.HasSolution.Should().BeTrue("CBC writes its best solution when interrupted");
        result.Status.Should().Be(MipStatus.Feasible);
        model.Violated(result.Values!).Should().BeEmpty();
        result.Seconds.Should().BeLessThan(100, "the solve stopped when asked, long before its limit");
    }

    [Fact]
    public async Task The_time_limit_is_a_deadline()
    {
        var model = Knapsack(seed: 11, items: 600, dimensions: 25);

        var result = await engine.SolveAsync(model, new MipOptions { TimeLimit = TimeSpan.FromSeconds(4), Threads = 1 }, null, default);

        // The engine stops CBC itself: SIGINT before the limit, a kill at it, whatever CBC is doing.
        result.Status.Should().NotBe(MipStatus.Optimal, "the instance is too hard to finish in 4 s, so the deadline is what stopped it");
        result.Seconds.Should().BeLessThan(4 + 1.5);
        if (result.Values is { } values)
        {
            model.Violated(values).Should().BeEmpty();
        }
    }

    /// <summary>A random multi-dimensional knapsack: easy to find solutions for, hard to prove optimal when large.</summary>
    private static MipModel Knapsack(int seed, int items, int dimensions)
    {
        var random = new Random(seed);
        var model = new MipModel();
        var x = Enumerable.Range(0, items).Select(_ => model.AddBinary(-random.Next(10, 100))).ToList();
        for (var d = 0; d < dimensions; d++)
        {
            var weights = x.Select(_ => random.Next(5, 60)).ToList();
            model.Add("capacity", x.Select((v, i) => new Term(weights[i], v)), Sense.LessOrEqual, weights.Sum() / 3);
        }

        return model;
    }

    /// <summary>Reports on the engine's own thread, so a test can wait on the condition it reports.</summary>
    private sealed class SynchronousProgress(Action<MipProgress> report) : IProgress<MipProgress>
    {
        public void Report(MipProgress value) => report(value);
    }
}
