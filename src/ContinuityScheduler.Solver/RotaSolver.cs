using System.Diagnostics;
using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Solver.Engine;
using ContinuityScheduler.Solver.Model;

namespace ContinuityScheduler.Solver;

/// <summary>
/// Makes the rota with the most continuity that keeps every hard rule: builds the model, runs the engine within
/// the deadline, and accepts a rota only after the validator has checked it and its objective has been recomputed.
/// </summary>
public sealed class RotaSolver(IMipEngine engine, ObjectiveWeights? weights = null)
{
    public const string MadeBy = "solver";

    private readonly ObjectiveWeights weights = weights ?? ObjectiveWeights.Default;

    public async Task<SolveResult> SolveAsync(PlanningProblem problem, SolveOptions options, IProgress<SolveProgress>? progress = null, CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        var model = RotaModelBuilder.Build(problem, weights);
        var engineProgress = progress is null ? null : new Progress<MipProgress>(p => progress.Report(new SolveProgress(clock.Elapsed.TotalSeconds, p.Incumbent, p.Bound)));
        var remaining = options.TimeLimit - clock.Elapsed;
        var result = await engine.SolveAsync(
            model.Mip,
            new MipOptions { TimeLimit = remaining > TimeSpan.FromSeconds(1) ? remaining : TimeSpan.FromSeconds(1), RelativeGap = options.RelativeGap, Threads = options.Threads, Seed = options.Seed },
            engineProgress,
            cancellation);
        var offset = clock.Elapsed.TotalSeconds - result.Seconds;
        var trajectory = result.Trajectory.Select(p => new SolveProgress(p.Seconds + offset, p.Incumbent, p.Bound)).ToList();
        if (result.Values is not { } values)
        {
            var why = result.Status == MipStatus.Infeasible
                ? await WhyInfeasible(problem, options, clock, cancellation)
                : ["No rota was found within the time limit: allow more time."];
            return new SolveResult(SolveStatus.NoSolution, null, null, null, result.Bound, null, clock.Elapsed.TotalSeconds, trajectory, null, why);
        }

        var rota = model.RotaFrom(values, MadeBy);
        var validation = RotaValidator.Validate(problem, rota);
        var objective = ObjectiveFunction.Evaluate(problem, rota, weights);
        var status = result.Status == MipStatus.Optimal ? SolveStatus.Optimal : SolveStatus.Feasible;
        return new SolveResult(status, rota, objective, result.Objective, result.Bound, result.FirstSolutionSeconds + offset, clock.Elapsed.TotalSeconds, trajectory, validation, Diagnosis.Of(problem, validation));
    }

    /// <summary>
    /// Solves the elastic model, where the labour rules may be broken at a high price, and names the rules and people
    /// whose rows needed slack: the binding causes of an infeasible problem, in a manager's words.
    /// </summary>
    private async Task<IReadOnlyList<string>> WhyInfeasible(PlanningProblem problem, SolveOptions options, Stopwatch clock, CancellationToken cancellation)
    {
        var lines = new List<string> { "No rota keeps every labour rule, even with posts left empty." };
        var remaining = options.TimeLimit - clock.Elapsed;
        if (remaining < TimeSpan.FromSeconds(2))
        {
            lines.Add("There was no time left to find the cause: allow more time.");
            return lines;
        }

        var elastic = RotaModelBuilder.Build(problem, weights, elastic: true);
        var result = await engine.SolveAsync(elastic.Mip, new MipOptions { TimeLimit = remaining, Threads = options.Threads, Seed = options.Seed }, null, cancellation);
        if (result.Values is not { } values)
        {
            lines.Add("The cause could not be found within the time limit.");
            return lines;
        }

        foreach (var rule in elastic.Mip.Slacks.Where(s => values[s.Slack.Index] > 1e-6).GroupBy(s => s.Row.Rule))
        {
            var where = rule.Select(s => $"{s.Row.Label} (by {values[s.Slack.Index]:0.##})").Distinct().ToList();
            lines.Add($"{rule.Key} cannot be kept for {string.Join("; ", where.Take(8))}{(where.Count > 8 ? $" and {where.Count - 8} more" : "")}.");
        }

        return lines;
    }
}
