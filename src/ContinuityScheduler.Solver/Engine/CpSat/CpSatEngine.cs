using System.Diagnostics;
using System.Globalization;
using Google.OrTools.Sat;

namespace ContinuityScheduler.Solver.Engine.CpSat;

/// <summary>
/// Google OR-Tools' CP-SAT, in process. The model is translated once (<see cref="CpSatModel"/>); its levels are
/// minimised in order, each held at its best before the next, the best solution of one the start of the next. Progress
/// comes from the solution callback; cancellation and a watchdog at the deadline stop the search through StopSearch,
/// so a solve ends within a second of its limit with its best solution kept.
/// </summary>
public sealed class CpSatEngine : IMipEngine
{
    /// <summary>Seconds a level is left at least, so that presolve and the start's repair can run.</summary>
    private const double LeastLevelSeconds = 1;

    public string Name => "cp-sat";

    public Task<MipResult> SolveAsync(MipModel model, MipOptions options, IProgress<MipProgress>? progress, CancellationToken cancellation) =>
        Task.Factory.StartNew(() => Solve(model, options, progress, cancellation), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

    /// <summary>
    /// Search workers by model size when the caller leaves it open. Measured on two cores (docs/solver.md): a small home
    /// is proven optimal by 8 workers in about 11 s and not by 2 in 120 s; on four-week homes 2 workers find better rotas
    /// than 8 and presolve and memory grow with each worker.
    /// </summary>
    public static int WorkersFor(MipModel model) => model.Constraints.Count <= 10_000 ? 8 : 2;

    private static async Task<MipResult> Solve(MipModel model, MipOptions options, IProgress<MipProgress>? progress, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var run = new Run(model, options, progress, clock);
        CpSatModel translated;
        try
        {
            translated = CpSatModel.Of(model);
        }
        catch (TypeInitializationException e)
        {
            throw new EngineUnavailableException($"Google OR-Tools could not be loaded: {e.InnerException?.Message ?? e.Message}");
        }

        if (options.Start is { } start)
        {
            // A start that keeps every row is the first solution: the engine's presolve may hand back an equally good one
            // for a level that is worse for the next (it sets columns its objective does not see as it likes).
            var hint = translated.Hint(start);
            if (!model.Violated(translated.Values(hint)).Any())
            {
                run.Offer(translated, null, hint, null);
            }
        }

        using var stop = cancellation.Register(run.Stop);
        using var watchdog = options.Deterministic ? null : new Timer(_ => run.Stop(), null, options.TimeLimit, Timeout.InfiniteTimeSpan);
        var levels = new List<LevelEnd>();
        foreach (var level in model.Levels)
        {
            run.LevelIndex = levels.Count;
            var scale = translated.Minimise(level.Terms, 0);
            var budget = Math.Max(Math.Min(run.Remaining, LeastLevelSeconds), run.Remaining * options.LevelShare);
            // A start already at the least its columns allow needs no search (and the engine no presolve) for this level.
            var outcome = run.BestSolution is { } known && scale.Of(known) == scale.Least
                ? new LevelOutcome(CpSolverStatus.Optimal, run.Best, scale.Least, scale.Least)
                : run.Level(translated, scale, budget, 0, last: false);
            if (outcome.Status == CpSolverStatus.Infeasible || run.BestSolution is null)
            {
                return run.Result(outcome, null, Ended(levels, run.BestSolution, clock.Elapsed.TotalSeconds));
            }

            levels.Add(new LevelEnd(level, scale, (long)Math.Ceiling(outcome.BoundScaled - 1e-9), outcome.Status == CpSolverStatus.Optimal, clock.Elapsed.TotalSeconds));

            translated.Hold(scale, scale.Of(run.BestSolution));
            translated.Hint(run.Best!);
        }

        run.LevelIndex = model.Levels.Count;
        var final = translated.Minimise(AllTerms(model), model.ObjectiveConstant);
        // The linear relaxation's bound, beside the search on its own thread: CP-SAT's own bound rises slowly on large homes.
        var holds = levels.Select(l => (l.Level.Terms, AtMost: l.Scale.Value(l.Scale.Of(run.BestSolution!)) + 1e-9)).ToList();
        using var relaxationStop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var relaxation = Task.Run(() => run.Relax(holds, relaxationStop.Token), CancellationToken.None);
        var last = run.Level(translated, final, run.Remaining, options.RelativeGap, last: true);
        await relaxationStop.CancelAsync();
        await relaxation;
        return run.Result(last, final, Ended(levels, run.BestSolution, clock.Elapsed.TotalSeconds));
    }

    /// <summary>
    /// How each level ended. A level is proven when its search proved it, or when the final solution reached the bound
    /// its search proved: then every rota that keeps the levels' least values was within the later searches, and it is
    /// known only at <paramref name="end"/>.
    /// </summary>
    private static List<LevelResult> Ended(List<LevelEnd> levels, long[]? solution, double end) =>
        [.. levels.Select(l =>
        {
            var value = solution is null ? (long?)null : l.Scale.Of(solution);
            var proven = l.Proven || value <= l.Bound;
            return new LevelResult(l.Level.Name, value is { } v ? l.Scale.Value(v) : null, l.Scale.Value(l.Bound), proven)
            {
                ProvenSeconds = l.Proven ? l.Ended : proven ? end : null,
            };
        })];

    /// <summary>A level's search as it ended: its bound, whether it proved it, and when (seconds into the run).</summary>
    private sealed record LevelEnd(ObjectiveLevel Level, ObjectiveScale Scale, long Bound, bool Proven, double Ended);

    private static List<Term> AllTerms(MipModel model) =>
        [.. model.Objective.Select((cost, i) => new Term(cost, model.Variables[i])).Where(t => t.Coefficient != 0)];

    /// <summary>One solve's clock, best solution so far, and the wrapper to stop.</summary>
    private sealed class Run(MipModel model, MipOptions options, IProgress<MipProgress>? progress, Stopwatch clock)
    {
        private readonly object gate = new();
        private readonly List<MipProgress> trajectory = [];
        private SolveWrapper? current;
        private bool stopped;
        private double? firstSolution;

        public double[]? Best { get; private set; }

        public long[]? BestSolution { get; private set; }

        /// <summary>Seconds left; in the repeatable mode, work units left, counted from what the levels so far used.</summary>
        public double Remaining => Math.Max(0, options.TimeLimit.TotalSeconds - (options.Deterministic ? workDone : clock.Elapsed.TotalSeconds));

        private double workDone;

        public void Stop()
        {
            lock (gate)
            {
                stopped = true;
                current?.StopSearch();
            }
        }

        public LevelOutcome Level(CpSatModel translated, ObjectiveScale scale, double seconds, double gap, bool last)
        {
            lock (gate)
            {
                if (stopped)
                {
                    // Nothing searched: the only bound known is the least the level's columns allow (0 would be wrong for a level with negative terms).
                    return new LevelOutcome(CpSolverStatus.Unknown, null, 0, scale.Least);
                }
            }

            var parameters = new SatParameters
            {
                // Measured: with several workers, even interleaved, two runs can differ; one worker never does.
                NumWorkers = options.Deterministic ? 1 : options.Threads > 0 ? options.Threads : WorkersFor(model),
                RandomSeed = options.Seed,
                RelativeGapLimit = gap,
                // A diagnostic for engineers (docs/solver.md), never on in the service.
                LogSearchProgress = Environment.GetEnvironmentVariable("CONTINUITY_CPSAT_LOG") == "1",
                LogToStdout = true,
                // Its own Ctrl+C handler aborts a .NET process (measured: std::bad_function_call); cancellation stops the search instead.
                CatchSigintSignal = false,
            };
            if (options.Deterministic)
            {
                parameters.MaxDeterministicTime = Math.Max(0.01, seconds);
            }
            else
            {
                parameters.MaxTimeInSeconds = Math.Max(0.01, seconds);
            }

            using var wrapper = new SolveWrapper();
            wrapper.SetStringParameters(TextFormat.Of(parameters));
            using var callback = new Solutions(this, translated, scale, last);
            wrapper.AddSolutionCallback(callback);
            lock (gate)
            {
                current = wrapper;
                if (stopped)
                {
                    wrapper.StopSearch();
                }
            }

            var response = wrapper.Solve(translated.Proto);
            lock (gate)
            {
                current = null;
                workDone += response.DeterministicTime;
            }

            if (response.Status is CpSolverStatus.ModelInvalid)
            {
                throw new InvalidOperationException($"CP-SAT refused the model: {response.SolutionInfo}");
            }

            if (response.Solution.Count > 0)
            {
                Offer(translated, scale, [.. response.Solution], null);
            }

            return new LevelOutcome(response.Status, Best, Best is null ? 0 : scale.Of(BestSolution!), scale.Tightest(response.BestObjectiveBound));
        }

        /// <summary>
        /// Keeps a solution when it is the first or better: on the level being minimised, then, on a tie, on the later
        /// levels and the objective (an equally good solution of one level may be worse for the next). Reports it with
        /// the bound, if known.
        /// </summary>
        public void Offer(CpSatModel translated, ObjectiveScale? scale, long[] solution, double? bound)
        {
            var values = translated.Values(solution);
            lock (gate)
            {
                if (scale is not null && Best is not null && BestSolution is not null)
                {
                    var order = scale.Of(solution).CompareTo(scale.Of(BestSolution));
                    if (order == 0)
                    {
                        order = Later(values).Zip(Later(Best)).Select(p => Math.Sign(Math.Round(p.First - p.Second, 9))).FirstOrDefault(c => c != 0);
                    }

                    if (order >= 0)
                    {
                        return;
                    }
                }

                Best = values;
                BestSolution = solution;
                firstSolution ??= clock.Elapsed.TotalSeconds;
                // The relaxation's bound, once known, holds for every later point (the engine's own may be weaker).
                var point = new MipProgress(clock.Elapsed.TotalSeconds, model.Evaluate(values), bound is { } b && relaxed is { } lp ? Math.Max(b, lp) : bound);
                trajectory.Add(point);
                progress?.Report(point);
            }
        }

        /// <summary>The linear relaxation's bound of the held model, once known.</summary>
        private double? relaxed;

        /// <summary>Computes the linear relaxation's bound of the model with the levels held, and reports it when it beats the engine's.</summary>
        public void Relax(IReadOnlyList<(IReadOnlyList<Term> Terms, double AtMost)> holds, CancellationToken cancellation)
        {
            var bound = LinearRelaxation.Bound(model, holds, TimeSpan.FromSeconds(Math.Max(1, Remaining)), cancellation);
            lock (gate)
            {
                relaxed = bound;
                if (bound is { } b && Best is not null)
                {
                    var point = new MipProgress(clock.Elapsed.TotalSeconds, model.Evaluate(Best), Math.Max(b, trajectory.LastOrDefault(p => p.Bound is not null)?.Bound ?? double.NegativeInfinity));
                    trajectory.Add(point);
                    progress?.Report(point);
                }
            }
        }

        /// <summary>The level being minimised now (its index among the model's levels; their count for the objective).</summary>
        public int LevelIndex { get; set; }

        /// <summary>The values of the levels after the current one, then the objective.</summary>
        private IEnumerable<double> Later(double[] values) =>
            model.Levels.Skip(LevelIndex + 1).Select(l => l.Evaluate(values)).Append(model.Evaluate(values));

        public MipResult Result(LevelOutcome outcome, ObjectiveScale? scale, List<LevelResult> levels)
        {
            lock (gate)
            {
                double? bound = scale is null || outcome.Status is CpSolverStatus.Unknown && Best is null ? null : scale.Bound(outcome.BoundScaled);
                if (scale is not null && relaxed is { } lp && (bound is null || lp > bound))
                {
                    bound = lp;
                }

                var status = outcome.Status switch
                {
                    CpSolverStatus.Optimal when Best is not null => MipStatus.Optimal,
                    _ when Best is not null && bound is { } b && model.Evaluate(Best) - b <= 1e-6 * Math.Max(1, Math.Abs(b)) => MipStatus.Optimal,
                    CpSolverStatus.Infeasible when Best is null => MipStatus.Infeasible,
                    _ => Best is null ? MipStatus.NoSolution : MipStatus.Feasible,
                };
                return new MipResult(status, Best is null ? null : model.Evaluate(Best), bound, Best, firstSolution, clock.Elapsed.TotalSeconds, [.. trajectory])
                {
                    Levels = levels,
                };
            }
        }

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{clock.Elapsed.TotalSeconds:0.0} s");
    }

    private sealed record LevelOutcome(CpSolverStatus Status, double[]? Best, long BestScaled, double BoundScaled);

    /// <summary>CP-SAT's solution callback: each improving solution becomes the best so far; on the last level with the bound.</summary>
    private sealed class Solutions(Run run, CpSatModel translated, ObjectiveScale scale, bool last) : SolutionCallback
    {
        public override void OnSolutionCallback() =>
            run.Offer(translated, scale, [.. Response().Solution], last ? scale.Bound(scale.Tightest(BestObjectiveBound())) : null);
    }
}
