using System.Diagnostics;
using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Solver.Engine;
using ContinuityScheduler.Solver.Model;
using NodaTime;

namespace ContinuityScheduler.Solver;

/// <summary>
/// Makes the rota with the most continuity that keeps every hard rule. A small problem goes to the engine whole.
/// A large one is split into clusters of groups that share staff, each solved apart with its own caregivers and a
/// share of the relief pool for a first rota, which is then improved by re-solving one cluster at a time with the
/// rest fixed (fix-and-optimise), while the whole model runs beside it for a global bound. Every rota is accepted only after the validator has checked
/// it, and its objective is recomputed from the rota.
/// </summary>
public sealed class RotaSolver(IMipEngine engine, ObjectiveWeights? weights = null)
{
    public const string MadeBy = "solver";

    /// <summary>Above this many assignment columns the whole model is too slow to give a first rota (measured: docs/solver.md).</summary>
    public const int WholeModelColumns = 3000;

    /// <summary>Days before and after an absence on which a repair may change the published rota.</summary>
    public const int RepairMargin = 3;

    private readonly ObjectiveWeights weights = weights ?? ObjectiveWeights.Default;

    public async Task<SolveResult> SolveAsync(PlanningProblem problem, SolveOptions options, IProgress<SolveProgress>? progress = null, CancellationToken cancellation = default)
    {
        var run = new Run(problem, options, progress, Stopwatch.StartNew());
        var model = RotaModelBuilder.Build(problem, weights);
        return model.Assignments.Count <= WholeModelColumns
            ? await Whole(run, model, cancellation)
            : await ByClusters(run, model, cancellation);
    }

    /// <summary>
    /// Repairs a published rota after a caregiver falls ill: a valid rota that changes as few assignments as possible,
    /// only on the days around the absence, preferring replacements from the group's core team.
    /// </summary>
    public async Task<SolveResult> RepairAsync(PlanningProblem problem, Rota published, string caregiverId, LocalDate from, LocalDate to, SolveOptions options, IProgress<SolveProgress>? progress = null, CancellationToken cancellation = default)
    {
        var caregiver = problem.CaregiversById[caregiverId];
        var sick = new Caregiver(caregiver.Id, caregiver.Name, caregiver.Contract, caregiver.Skills, caregiver.AllowedGroups,
            [.. caregiver.Absences, new Absence(AbsenceKind.Sickness, new DateInterval(from, to))], caregiver.Wishes, caregiver.ExternalId);
        var changed = new PlanningProblem(problem.Institution, problem.Horizon, problem.Groups, problem.Children,
            problem.Caregivers.Select(c => c.Id == caregiverId ? sick : c), problem.ShiftTypes, problem.Demands, problem.History, problem.Pins);
        var reference = new RepairReference(changed, published);
        var run = new Run(changed, options, progress, Stopwatch.StartNew(), reference);
        var model = RotaModelBuilder.Build(changed, weights, reference: reference);
        var first = from.PlusDays(-RepairMargin);
        var last = to.PlusDays(RepairMargin);
        var fixedColumns = model.Assignments
            .Where(a => a.Key.Date < first || a.Key.Date > last)
            .ToDictionary(a => a.Value.Index, a => reference.IsPublished(a.Key.CaregiverId, a.Key.Date, a.Key.DemandId) ? 1.0 : 0.0);
        var kept = new Rota(published.Assignments.Where(a => a.CaregiverId != caregiverId || a.Date < from || a.Date > to), MadeBy);
        return await Whole(run, model, cancellation, fixedColumns, model.ValuesFor(kept));
    }

    private async Task<SolveResult> Whole(Run run, RotaModel model, CancellationToken cancellation, IReadOnlyDictionary<int, double>? fixedColumns = null, IReadOnlyList<double>? start = null)
    {
        var mip = fixedColumns is null ? model.Mip : model.Mip.WithFixed(fixedColumns);
        var options = run.EngineOptions(run.Remaining, run.Options.Threads) with { Start = start };
        var result = await SolveWith(run, mip, options, run.EngineProgress(), cancellation);
        var trajectory = run.Shifted(result);
        if (result.Values is not { } values)
        {
            var why = result.Status == MipStatus.Infeasible
                ? await WhyInfeasible(run, cancellation)
                : ["No rota was found within the time limit: allow more time."];
            return new SolveResult(SolveStatus.NoSolution, null, null, null, result.Bound, null, run.Seconds, trajectory, null, why);
        }

        var status = result.Status == MipStatus.Optimal ? SolveStatus.Optimal : SolveStatus.Feasible;
        return Accept(run, model.RotaFrom(values, MadeBy), status, result.Objective, result.Bound, run.Offset(result) + result.FirstSolutionSeconds, trajectory);
    }

    private async Task<SolveResult> ByClusters(Run run, RotaModel strict, CancellationToken cancellation)
    {
        var clusters = Clusters.Of(run.Problem);
        var trajectory = new List<SolveProgress>();
        double? bound = null;
        double? incumbent = null;
        double? firstSolution = null;
        void Record(double? newIncumbent, double? newBound)
        {
            lock (trajectory)
            {
                bound = Max(bound, newBound);
                incumbent = newIncumbent ?? incumbent;
                var point = new SolveProgress(run.Seconds, incumbent, bound);
                trajectory.Add(point);
                run.Progress?.Report(point);
            }
        }

        // The whole model runs beside the search on one thread: its bound is the global bound of the gap.
        using var stopWhole = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var whole = SolveWith(run, strict.Mip, run.EngineOptions(run.Remaining, 1), new Progress<MipProgress>(p => Record(null, p.Bound)), stopWhole.Token);
        var threads = Math.Max(1, run.Options.Threads - 1);

        // First rota: each cluster with its own staff and a share of the relief pool, solved apart and put together.
        var parts = SubProblem.Split(run.Problem, clusters);
        var assignments = new List<Assignment>();
        for (var i = 0; i < parts.Count && !cancellation.IsCancellationRequested; i++)
        {
            var slice = Slice(run, (run.Options.TimeLimit * 0.6) / parts.Count, parts.Count - i);
            var part = RotaModelBuilder.Build(parts[i], weights);
            var result = await SolveWith(run, part.Mip, run.EngineOptions(slice, threads), null, cancellation);
            if (result.Values is { } values)
            {
                assignments.AddRange(part.RotaFrom(values, MadeBy).Assignments);
            }
        }

        var current = strict.ValuesFor(new Rota(assignments, MadeBy));
        var objective = strict.Mip.Evaluate(current);
        var valid = !strict.Mip.Violated(current).Any();
        if (valid)
        {
            firstSolution = run.Seconds;
            Record(objective, null);
        }

        // Then fix-and-optimise: one cluster at a time is free again, with every caregiver who may work there.
        for (var round = 0; !cancellation.IsCancellationRequested && run.Remaining > TimeSpan.FromSeconds(3); round++)
        {
            var improved = false;
            for (var i = 0; i < clusters.Count && run.Remaining > TimeSpan.FromSeconds(3); i++)
            {
                var cluster = clusters[i];
                var fixedColumns = strict.Assignments
                    .Where(a => !run.Problem.DemandsById[a.Key.DemandId].GroupIds.All(cluster.Contains))
                    .ToDictionary(a => a.Value.Index, a => current[a.Value.Index]);
                var options = run.EngineOptions(Slice(run, run.Remaining / (clusters.Count - i), clusters.Count - i), threads)
                    with
                { Seed = run.Options.Seed + (round * clusters.Count) + i, Start = valid ? current : null };
                var result = await SolveWith(run, strict.Mip.WithFixed(fixedColumns), options, null, cancellation);
                if (result.Values is { } values && (!valid || strict.Mip.Evaluate(values) < objective - 1e-6))
                {
                    current = [.. values];
                    objective = strict.Mip.Evaluate(current);
                    valid = true;
                    firstSolution ??= run.Seconds;
                    improved = true;
                    Record(objective, null);
                }
            }

            // Stop once a round brings nothing; without a valid rota yet, keep trying while time remains.
            if (valid && !improved)
            {
                break;
            }
        }

        await stopWhole.CancelAsync();
        var wholeResult = await whole;
        if (wholeResult.Values is { } wholeValues && (!valid || strict.Mip.Evaluate(wholeValues) < objective - 1e-6))
        {
            current = [.. wholeValues];
            objective = strict.Mip.Evaluate(current);
            valid = true;
            firstSolution ??= run.Seconds;
        }

        Record(valid ? objective : null, wholeResult.Bound);
        if (!valid)
        {
            return new SolveResult(SolveStatus.NoSolution, null, null, null, bound, null, run.Seconds, trajectory, null,
                ["No rota keeping every labour rule was found within the time limit: allow more time, or look for the cause with a smaller horizon."]);
        }

        var proven = bound is { } b && objective - b <= Math.Max(run.Options.RelativeGap * Math.Abs(objective), 1e-6);
        return Accept(run, strict.RotaFrom(current, MadeBy), proven ? SolveStatus.Optimal : SolveStatus.Feasible, objective, bound, firstSolution, trajectory);
    }

    /// <summary>A share of the time left for one of several sub-solves, never so much that the ones after it get none.</summary>
    private static TimeSpan Slice(Run run, TimeSpan share, int stillToCome)
    {
        var fair = run.Remaining / Math.Max(1, stillToCome);
        var seconds = Math.Min(share.TotalSeconds, fair.TotalSeconds);
        return TimeSpan.FromSeconds(Math.Max(2, Math.Min(seconds, run.Remaining.TotalSeconds - 1)));
    }

    /// <summary>Runs the engine and keeps its peak memory for the result.</summary>
    private async Task<MipResult> SolveWith(Run run, MipModel model, MipOptions options, IProgress<MipProgress>? progress, CancellationToken cancellation)
    {
        var result = await engine.SolveAsync(model, options, progress, cancellation);
        lock (run)
        {
            run.PeakEngineMemory = Math.Max(run.PeakEngineMemory, result.PeakMemoryBytes ?? 0);
        }

        return result;
    }

    /// <summary>Checks the rota with the validator and recomputes its objective before it is returned.</summary>
    private SolveResult Accept(Run run, Rota rota, SolveStatus status, double? engineObjective, double? bound, double? firstSolution, IReadOnlyList<SolveProgress> trajectory)
    {
        var validation = RotaValidator.Validate(run.Problem, rota);
        var objective = ObjectiveFunction.Evaluate(run.Problem, rota, weights, run.Reference);
        return new SolveResult(status, rota, objective, engineObjective, bound is { } b ? Math.Min(b, objective.Total) : null, firstSolution, run.Seconds, trajectory, validation, Diagnosis.Of(run.Problem, validation))
        {
            PeakEngineMemoryBytes = run.PeakEngineMemory,
        };
    }

    /// <summary>
    /// Solves the elastic model, where the labour rules may be broken at a high price, and names the rules and people
    /// whose rows needed slack: the binding causes of an infeasible problem, in a manager's words.
    /// </summary>
    private async Task<IReadOnlyList<string>> WhyInfeasible(Run run, CancellationToken cancellation)
    {
        if (run.Remaining < TimeSpan.FromSeconds(2))
        {
            return ["No rota keeps every labour rule, even with posts left empty; there was no time left to find why: allow more time."];
        }

        var elastic = RotaModelBuilder.Build(run.Problem, weights, elastic: true);
        var result = await SolveWith(run, elastic.Mip, run.EngineOptions(run.Remaining, run.Options.Threads), null, cancellation);
        return result.Values is { } values
            ? Broken(elastic, values)
            : ["No rota keeps every labour rule, even with posts left empty; the cause could not be found within the time limit."];
    }

    private static IReadOnlyList<string> Broken(RotaModel elastic, IReadOnlyList<double> values)
    {
        var lines = new List<string> { "No rota was found that keeps every labour rule, even with posts left empty. The rules that could not be kept:" };
        foreach (var rule in elastic.Mip.Slacks.Where(s => values[s.Slack.Index] > 1e-6).GroupBy(s => s.Row.Rule))
        {
            var where = rule.Select(s => $"{s.Row.Label} (by {values[s.Slack.Index]:0.##})").Distinct().ToList();
            lines.Add($"{rule.Key}: {string.Join("; ", where.Take(8))}{(where.Count > 8 ? $" and {where.Count - 8} more" : "")}.");
        }

        return lines;
    }

    private static double? Max(double? a, double? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

    /// <summary>One solve's clock, options and listener.</summary>
    private sealed record Run(PlanningProblem Problem, SolveOptions Options, IProgress<SolveProgress>? Progress, Stopwatch Clock, RepairReference? Reference = null)
    {
        /// <summary>The largest peak memory of any engine process of this solve.</summary>
        public long PeakEngineMemory { get; set; }

        public double Seconds => Clock.Elapsed.TotalSeconds;

        public TimeSpan Remaining => Options.TimeLimit - Clock.Elapsed;

        public MipOptions EngineOptions(TimeSpan limit, int threads) => new()
        {
            TimeLimit = limit > TimeSpan.FromSeconds(1) ? limit : TimeSpan.FromSeconds(1),
            RelativeGap = Options.RelativeGap,
            Threads = threads,
            Seed = Options.Seed,
        };

        public IProgress<MipProgress>? EngineProgress() =>
            Progress is null ? null : new Progress<MipProgress>(p => Progress.Report(new SolveProgress(Seconds, p.Incumbent, p.Bound)));

        /// <summary>Seconds from the solve's start to the engine's start.</summary>
        public double Offset(MipResult result) => Seconds - result.Seconds;

        public List<SolveProgress> Shifted(MipResult result) =>
            [.. result.Trajectory.Select(p => new SolveProgress(p.Seconds + Offset(result), p.Incumbent, p.Bound))];
    }
}
