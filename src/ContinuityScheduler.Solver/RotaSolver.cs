using System.Diagnostics;
using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Solver.Engine;
using ContinuityScheduler.Solver.Model;
using NodaTime;

namespace ContinuityScheduler.Solver;

/// <summary>
/// Makes the rota with the most continuity that keeps every hard rule. A small problem goes to the engine whole. A
/// large one gets a first rota from the construction heuristic in well under a second, which a neighbourhood search
/// then improves: one cluster of groups on a few weeks is freed at a time, solved by the engine as a sub-model of its
/// own, several side by side, while the root relaxation of the whole model gives the bound of the gap. Every rota is
/// accepted only after the validator has checked it, and its objective is recomputed from the rota.
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
        var neighbourhoods = Neighbourhood.All(run.Problem, Clusters.Of(run.Problem));
        var trajectory = new List<SolveProgress>();
        double? bound = null;
        double? firstSolution = null;
        var search = new Search(strict);
        void Record(double? newBound = null)
        {
            lock (trajectory)
            {
                bound = Max(bound, newBound);
                firstSolution ??= search.Valid ? run.Seconds : null;
                var point = new SolveProgress(run.Seconds, search.Valid ? search.Objective : null, bound);
                trajectory.Add(point);
                run.Progress?.Report(point);
            }
        }

        // First rota: the construction heuristic's. When it breaks a rule (a contract's minimum the greedy fill could
        // not reach), the search first works on the elastic model, where broken rules are priced, until nothing is broken.
        var first = Construction.Build(run.Problem);
        if (!search.Offer(first))
        {
            var elastic = RotaModelBuilder.Build(run.Problem, weights, elastic: true);
            var repairing = new Search(elastic);
            repairing.Offer(first);
            await Improve(run, elastic, repairing, neighbourhoods, () => search.Valid, () => search.Offer(repairing.Rota), cancellation);
            if (!search.Valid)
            {
                Record();
                return new SolveResult(SolveStatus.NoSolution, null, null, null, bound, null, run.Seconds, trajectory, null,
                    Broken(elastic, repairing.Values, "No rota keeping every labour rule was found within the time limit. The closest one found still breaks:"));
            }
        }

        Record();

        // Then the strict search, one lane starting with the whole model's relaxation for the bound (at most half the time).
        async Task Bounded()
        {
            var relaxation = await SolveWith(run, strict.Mip, run.EngineOptions(run.Remaining / 2, 1) with { BoundOnly = true }, null, cancellation);
            Record(relaxation.Bound);
            await Improve(run, strict, search, neighbourhoods, () => false, () => Record(), cancellation, lanes: 1);
        }

        await Task.WhenAll(Bounded(), Improve(run, strict, search, neighbourhoods, () => false, () => Record(), cancellation, lanes: Math.Max(0, run.Options.Threads - 1)));
        Record();
        var proven = bound is { } b && search.Objective - b <= Math.Max(run.Options.RelativeGap * Math.Abs(search.Objective), 1e-6);
        return Accept(run, search.Rota, proven ? SolveStatus.Optimal : SolveStatus.Feasible, search.Objective, bound, firstSolution, trajectory);
    }

    /// <summary>
    /// Lanes side by side, one engine process each, take the neighbourhoods in turn, clusters alternating, and offer
    /// their answers to the search; they stop at the time limit, when <paramref name="done"/> says so, or when every
    /// neighbourhood has failed to improve the incumbent since it last changed.
    /// </summary>
    private async Task Improve(Run run, RotaModel model, Search search, IReadOnlyList<Neighbourhood> neighbourhoods, Func<bool> done, Action improved, CancellationToken cancellation, int? lanes = null)
    {
        var isAssignment = new bool[model.Mip.Variables.Count];
        foreach (var column in model.Assignments.Values)
        {
            isAssignment[column.Index] = true;
        }

        async Task Lane()
        {
            while (!cancellation.IsCancellationRequested && run.Remaining > TimeSpan.FromSeconds(2) && !done())
            {
                if (search.Turns.Next(neighbourhoods.Count) is not { } turn)
                {
                    return;
                }

                var neighbourhood = neighbourhoods[turn.Index];
                var (rota, values) = search.Snapshot();
                var free = model.Assignments.Where(a => neighbourhood.Frees(run.Problem, a.Key)).ToList();
                var restricted = model.Mip.Restricted(free.Select(a => a.Value.Index), values, i => !isAssignment[i]);
                var limit = neighbourhood.Dates.Length > Neighbourhood.WindowWeeks * 7 ? WideSeconds : WindowSeconds;
                var options = run.EngineOptions(TimeSpan.FromSeconds(Math.Min(limit, run.Remaining.TotalSeconds - 1)), 1)
                    with
                { Seed = run.Options.Seed + turn.Draw, Start = restricted.Project(values), RelativeGap = Math.Max(run.Options.RelativeGap, NeighbourhoodGap) };
                var result = await SolveWith(run, restricted.Model, options, null, cancellation);
                var better = result.Values is { } found && restricted.Expand(found) is var whole && search.Offer(rota, free.Select(a => (a.Key, whole[a.Value.Index] > 0.5)));
                search.Turns.Done(turn.Index, better);
                if (better)
                {
                    improved();
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, lanes ?? Math.Max(1, run.Options.Threads)).Select(_ => Lane()));
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
            ? Broken(elastic, values, "No rota was found that keeps every labour rule, even with posts left empty. The rules that could not be kept:")
            : ["No rota keeps every labour rule, even with posts left empty; the cause could not be found within the time limit."];
    }

    private static IReadOnlyList<string> Broken(RotaModel elastic, IReadOnlyList<double> values, string heading)
    {
        var lines = new List<string> { heading };
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
