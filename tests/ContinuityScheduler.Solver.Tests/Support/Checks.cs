using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Domain.Scoring;
using ContinuityScheduler.Solver.Advice;
using ContinuityScheduler.Solver.Model;

namespace ContinuityScheduler.Solver.Tests.Support;

/// <summary>The checks every solver result must pass, made without the solver's word: the validator, the documented pricing, the scorer.</summary>
internal static class Checks
{
    public static void AssertChecked(PlanningProblem problem, SolveResult result, Rota? published = null)
    {
        var report = RotaValidator.Validate(problem, result.Rota);
        var broken = report.Violations.Where(v => v.Severity == Severity.Hard && !RotaSolver.IsShortfall(v)).ToList();
        if (result.Status == SolveStatus.Infeasible)
        {
            broken.Should().NotBeEmpty("an infeasible rota breaks a hard rule the validator can name");
        }
        else
        {
            broken.Should().BeEmpty($"a {result.Status} rota keeps every hard rule");
        }

        var documented = IndependentObjective.Price(problem, result.Rota, published);
        result.Objective.Total.Should().BeApproximately(documented, 1e-6, "the objective is the rota's, priced as documented");
        // The engine may keep auxiliary columns above their least in an unproven solution, and continuous ones sit on a grid.
        result.EngineObjective.Should().BeGreaterThanOrEqualTo(documented - 1e-4);
        if (result.Bound is { } bound)
        {
            bound.Should().BeLessThanOrEqualTo(documented + 1e-6, "a bound is never above a rota it bounds");
        }

        if (result.Status == SolveStatus.Optimal)
        {
            result.Bound.Should().NotBeNull();
            (documented - result.Bound!.Value).Should().BeLessThanOrEqualTo(Math.Max(1e-6, 1e-4 * Math.Abs(documented)), "optimal means the bound meets the rota");
        }

        ContinuityScorer.Score(problem, result.Rota).Children.Where(c => c.Score is < 0 or > 100).Should().BeEmpty("a child's score lies between 0 and 100");
    }

    /// <summary>A proven or unreachable answer says when it was proven, after the plain solve and within the advice's time; no other does.</summary>
    public static void AssertProofTime(AdviceResult advice)
    {
        if (advice.Status is AdviceStatus.Proven or AdviceStatus.Unreachable)
        {
            advice.ProvenSeconds.Should().NotBeNull($"a {advice.Status} answer was proven at some point");
            advice.ProvenSeconds!.Value.Should().BeGreaterThanOrEqualTo(advice.Before.Seconds, "nothing is proven before the plain solve ends").And.BeLessThanOrEqualTo(advice.Seconds);
        }
        else
        {
            advice.ProvenSeconds.Should().BeNull($"a {advice.Status} answer is not proven");
        }
    }
}
