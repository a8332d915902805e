using ContinuityScheduler.Solver.Tests.Support;
using CsCheck;

namespace ContinuityScheduler.Solver.Tests;

/// <summary>The solver's bound and its "optimal" against every rota of homes small enough to try them all.</summary>
public sealed class BoundTests
{
    private static readonly RotaSolver Solver = new(DefaultEngine.Create());

    [Fact]
    public void An_optimal_rota_is_the_best_of_all_rotas_and_its_bound_is_no_higher()
    {
        TinyHomes.Any.Sample(seed =>
        {
            var problem = TinyHomes.Build(seed);
            var best = TinyHomes.Best(problem)!.Value;

            var result = Solver.SolveAsync(problem, new SolveOptions { TimeLimit = TimeSpan.FromSeconds(10), Deterministic = true, Threads = 1 }).GetAwaiter().GetResult();

            Checks.AssertChecked(problem, result);
            result.Status.Should().Be(best.Broken > 0 ? SolveStatus.Infeasible : SolveStatus.Optimal, $"home {seed}");
            if (best.Broken == 0)
            {
                result.UncoveredMinimum.Should().Be(best.Uncovered, $"home {seed}");
                result.Objective.Total.Should().BeApproximately(best.Objective, 1e-6, $"home {seed}");
                result.Bound.Should().BeLessThanOrEqualTo(best.Objective + 1e-6, $"home {seed}");
            }
            else
            {
                // No rota keeps the contracts: the one returned falls short of them by the least any rota does.
                var shortOfContracts = result.Validation.Violations.Where(v => v.Code == "contract-hours").Sum(v => v.Limit!.Value - v.Measured!.Value);
                shortOfContracts.Should().BeApproximately(best.Broken, 1e-6, $"home {seed}");
                result.Diagnosis.Should().Contain(line => line.Contains("(proven)", StringComparison.Ordinal));
            }
        }, iter: 25, threads: 1);
    }

    [Fact]
    public void A_bound_proved_in_little_time_is_still_no_higher_than_the_best_rota()
    {
        TinyHomes.Any.Sample(seed =>
        {
            var problem = TinyHomes.Build(seed);
            var best = TinyHomes.Best(problem)!.Value;

            var result = Solver.SolveAsync(problem, new SolveOptions { TimeLimit = TimeSpan.FromSeconds(0.02), Deterministic = true, Threads = 1 }).GetAwaiter().GetResult();

            Checks.AssertChecked(problem, result);
            if (best.Broken == 0 && result.Bound is { } bound)
            {
                bound.Should().BeLessThanOrEqualTo(best.Objective + 1e-6, $"home {seed}");
            }
        }, iter: 25, threads: 1);
    }
}
