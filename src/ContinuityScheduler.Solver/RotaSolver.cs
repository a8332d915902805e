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
/// <param name="wholeModelColumns">Up to this many assignment columns the whole model goes to the engine; above it, the neighbourhood search.</param>
public sealed class RotaSolver(IMipEngine engine, ObjectiveWeights? weights = null, int wholeModelColumns = RotaSolver.WholeModelColumns)
{
    public const string MadeBy = "solver";

    /// <summary>Above this many assignment columns the whole model is too slow to give a first rota (measured: docs/solver.md).</summary>
    public const int WholeModelColumns = 3000;

    /// <summary>Engine seconds for a window of weeks in one cluster; measured: baby-home's two-week windows come within 0.2 % of their optimum in 10–20 s.</summary>
    private const double WindowSeconds = 6;

    /// <summary>Engine seconds for a cluster's whole horizon.</summary>
    private const double WideSeconds = 15;

    /// <summary>A neighbourhood this close to its own optimum is left (a share of the whole objective, below one continuity term).</summary>
    private const double NeighbourhoodGap = 0.0005;

    /// <summary>Days before and after an absence on which a repair may change the published rota.</summary>
    public const int RepairMargin = 3;

    private readonly ObjectiveWeights weights = weights ?? ObjectiveWeights.Default;

    public async Task<SolveResult> SolveAsync(PlanningProblem problem, SolveOptions options, IProgress<SolveProgress>? progress = null, CancellationToken cancellation = default)
    {
        var run = new Run(problem, options, progress, Stopwatch.StartNew());
        var model = RotaModelBuilder.Build(problem, weights);
        return model.Assignments.Count <= wholeModelColumns
            ? await Whole(run, model, cancellation)
            : await ByNeighbourhoods(run, model, cancellation);
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

    private async Task<SolveResult> ByNeighbourhoods(Run run, RotaModel strict, CancellationToken cancellation)
    {
        var clusters = Clusters.Of(run.Problem);
        var trajectory = new List<SolveProgress>();
        double? bound = null;
        double? firstSolution = null;
        var search = new Search(strict);
        void Record(double? newBound = null)
        {
            lock (trajectory)
            {
                bound = Max(bound, newBound);
                var point = new SolveProgress(run.Seconds, search.Valid ? search.Objective : null, bound);
                trajectory.Add(point);
                run.Progress?.Report(point);
            }
        }

        // First rota: the construction heuristic's; when the model rejects it, each cluster solved apart with its own staff.
        search.Offer(Construction.Build(run.Problem));
        if (!search.Valid)
        {
            search.Offer(await ClustersApart(run, clusters, run.Options.Threads, cancellation));
        }

        if (search.Valid)
        {
            firstSolution = run.Seconds;
            Record();
        }

        // Then neighbourhoods side by side, one engine process each; the first lane starts with the relaxation's bound.
        var neighbourhoods = Neighbourhood.All(run.Problem, clusters);
        var isAssignment = new bool[strict.Mip.Variables.Count];
        foreach (var column in strict.Assignments.Values)
        {
            isAssignment[column.Index] = true;
        }

        var next = 0;
        var draws = 0;
        var busy = new HashSet<int>();
        var failed = new HashSet<int>();
        async Task Lane(int lane)
        {
            if (lane == 0)
            {
                // At most half the time: on the largest homes the relaxation alone can take longer, and the search matters more.
                var relaxation = await SolveWith(run, strict.Mip, run.EngineOptions(run.Remaining / 2, 1) with { BoundOnly = true }, null, cancellation);
                Record(relaxation.Bound);
            }

            while (!cancellation.IsCancellationRequested && run.Remaining > TimeSpan.FromSeconds(2))
            {
                int turn;
                int draw;
                lock (search)
                {
                    // Done once every neighbourhood has failed to improve the incumbent since it last changed.
                    if (search.Valid && failed.Count >= neighbourhoods.Count)
                    {
                        return;
                    }

                    var open = Enumerable.Range(0, neighbourhoods.Count).Select(i => (next + i) % neighbourhoods.Count).Where(i => !busy.Contains(i)).ToList();
                    if (open.Count == 0)
                    {
                        return;
                    }

                    turn = open.FirstOrDefault(i => !failed.Contains(i), open[0]);
                    next = turn + 1;
                    draw = ++draws;
                    busy.Add(turn);
                }

                var neighbourhood = neighbourhoods[turn];
                var (rota, values) = search.Snapshot();
                var free = strict.Assignments.Where(a => neighbourhood.Frees(run.Problem, a.Key)).ToList();
                var restricted = strict.Mip.Restricted(free.Select(a => a.Value.Index), values, i => !isAssignment[i]);
                var limit = neighbourhood.Dates.Length > Neighbourhood.WindowWeeks * 7 ? WideSeconds : WindowSeconds;
                var options = run.EngineOptions(TimeSpan.FromSeconds(Math.Min(limit, run.Remaining.TotalSeconds - 1)), 1)
                    with
                { Seed = run.Options.Seed + draw, Start = search.Valid ? restricted.Project(values) : null, RelativeGap = Math.Max(run.Options.RelativeGap, NeighbourhoodGap) };
                var result = await SolveWith(run, restricted.Model, options, null, cancellation);
                var improved = result.Values is { } found && restricted.Expand(found) is var whole && search.Offer(rota, free.Select(a => (a.Key, whole[a.Value.Index] > 0.5)));
                lock (search)
                {
                    busy.Remove(turn);
                    if (improved)
                    {
                        failed.Clear();
                    }
                    else
                    {
                        failed.Add(turn);
                    }
                }

                if (improved)
                {
                    firstSolution ??= run.Seconds;
                    Record();
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Math.Max(1, run.Options.Threads)).Select(Lane));
        Record();
        if (!search.Valid)
        {
            return new SolveResult(SolveStatus.NoSolution, null, null, null, bound, null, run.Seconds, trajectory, null,
                ["No rota keeping every labour rule was found within the time limit: allow more time, or look for the cause with a smaller horizon."]);
        }

        var proven = bound is { } b && search.Objective - b <= Math.Max(run.Options.RelativeGap * Math.Abs(search.Objective), 1e-6);
        return Accept(run, search.Rota, proven ? SolveStatus.Optimal : SolveStatus.Feasible, search.Objective, bound, firstSolution, trajectory);
    }

    /// <summary>Each cluster with its own staff and a share of the relief pool, solved apart and put together.</summary>
    private async Task<Rota> ClustersApart(Run run, IReadOnlyList<IReadOnlySet<string>> clusters, int threads, CancellationToken cancellation)
    {
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

        return new Rota(assignments, MadeBy);
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
