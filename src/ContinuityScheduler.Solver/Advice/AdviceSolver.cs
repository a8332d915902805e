using ContinuityScheduler.Domain.Advice;
using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Domain.Scoring;
using ContinuityScheduler.Solver.Engine;
using ContinuityScheduler.Solver.Model;

namespace ContinuityScheduler.Solver.Advice;

/// <summary>
/// Staffing advice ("what would it take?"): the fewest (or cheapest) candidate hires that leave no post uncovered and
/// reach the target's score bounds. The home's plain solve comes first (the "before" figures and the start): when its
/// rota already reaches the target, no hire is the answer, proven. Else the hires are counted (hours and days, a lower
/// bound and its row in the model, or the proof that none covers), copies are hired greedily where the plain rota leaves
/// posts uncovered (the engine's start), and one model is solved: the home with every candidate copy added as a
/// caregiver who works only when hired, its levels in order: the rules' minimums, the uncovered posts
/// (held at their least, 0 when reachable, so the target binds as a hard constraint from then on), the hires, and the
/// rota's objective. A score bound beyond some child's ceiling (<see cref="ScoreCeiling"/>, with every copy offered) is
/// unreachable: that solve then goes on coverage alone and its rota is the answer. When that rota covers every post but
/// misses a score bound, the same model is solved again with at least one hire more each time, until the scorer finds
/// the bounds met or the time runs out. The validator and the scorer judge every rota on the home with its hires added;
/// the hires are read from the rota, not from the engine.
/// </summary>
public sealed class AdviceSolver(IMipEngine engine, ObjectiveWeights? weights = null, TimeProvider? time = null)
{
    public const string MadeBy = "advice";

    /// <summary>How long the engine may take to stop at its deadline (measured: a 120 s advice on regional answered at 121.4 s).</summary>
    private static readonly TimeSpan EngineStop = TimeSpan.FromSeconds(1);

    private readonly ObjectiveWeights weights = weights ?? ObjectiveWeights.Default;

    private readonly TimeProvider time = time ?? TimeProvider.System;

    public async Task<AdviceResult> AdviseAsync(PlanningProblem problem, IReadOnlyList<Candidate> candidates, AdviceOptions options, CancellationToken cancellation = default)
    {
        var clock = new Clock(time);
        var limit = options.Solve.TimeLimit;
        var target = options.Target;
        var before = await new RotaSolver(engine, weights).SolveAsync(problem, options.Solve with { TimeLimit = limit * options.BeforeShare }, null, cancellation);
        var judging = clock.Elapsed;
        var start = Judged.Of(problem, candidates, new Rota(before.Rota.Assignments, MadeBy), target);
        judging = clock.Elapsed - judging;
        if (start.Reached)
        {
            // The plain rota already reaches the target: no hire is needed, and none is fewer; no advice model is built.
            var judged = clock.Seconds;
            return Result(AdviceStatus.Proven, start, before, problem, candidates, clock, 0, null) with { ProvenSeconds = judged };
        }

        // Counted without the engine: the hires any covering rota needs, or that none covers (a proof either way).
        var counted = HiresLowerBound.Of(problem, candidates);
        var countedAt = clock.Seconds;
        var least = counted.Least ?? 0;
        // Counted without the engine too: a score bound above what some child can get in any rota, whatever is hired.
        IReadOnlyList<ChildCeiling> ceilings = target.CoverageOnly ? [] : ScoreCeiling.Of(Candidate.WithHires(problem, candidates));
        var beyond = target.OutOfReach(ceilings);
        var ceilingsAt = clock.Seconds;

        // In the repeatable mode the limit counts work units: the advice gets what the plain solve was not given.
        // Kept back from the engine: judging the last rota and scoring the answer take about what judging the start took,
        // each, and the engine may take a second to stop, so that the answer comes within the limit.
        var budget = new Budget(options.Solve.Deterministic, limit * (1 - options.BeforeShare), limit - (2 * judging) - EngineStop, clock);
        // Posts left uncovered: copies hired greedily at them give the engine a start that covers (an upper bound on the hires).
        using var greedy = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        if (!options.Solve.Deterministic)
        {
            // Each step tries every profile: with many of them the start may take at most a quarter of the advice's time.
            greedy.CancelAfter(budget.Remaining > TimeSpan.Zero ? budget.Remaining / 4 : TimeSpan.Zero);
        }

        var hinted = start.Shortfall > 0 ? Judged.Of(problem, candidates, HireStart.Cover(problem, candidates, start.Rota, greedy.Token), target) : start;
        var begin = hinted.IsBetterThan(start) ? hinted : start;
        var beginAt = clock.Seconds;
        var first = await Attempt(problem, candidates, options, begin.Rota, least, 0, budget, target.CoverageOnly || beyond is not null ? 1 : 0.5, cancellation);
        if (!first.Judged.Covered && budget.Remaining > TimeSpan.FromSeconds(1) && !cancellation.IsCancellationRequested && !first.Result.Levels.Any(l => l is { Name: RotaModel.UncoveredLevel, Proven: true, Value: > 0 }))
        {
            // No rota covers every post yet: the time kept for the score bounds goes on coverage, from where the first solve ended.
            var again = await Attempt(problem, candidates, options, first.Judged.Rota, least, 0, budget, 1, cancellation);
            first = again.Result.Values is not null && !first.Judged.IsBetterThan(again.Judged) ? again : first;
        }

        var uncovered = first.Result.Levels.FirstOrDefault(l => l.Name == RotaModel.UncoveredLevel);
        var hiresLevel = first.Result.Levels.FirstOrDefault(l => l.Name == RotaModel.HiresLevel);
        // The count bounds the number of hires, not their price.
        var countedLeast = options.By == HiresBy.Count ? least : 0;
        double? hiresBound = hiresLevel?.Bound is { } bound ? Math.Max(bound, countedLeast) : countedLeast > 0 ? countedLeast : null;
        // Never worse than the start (the greedy's, else the plain rota): in the levels' order, rules' minimums broken, then posts uncovered.
        var best = first.Result.Values is null || begin.IsBetterThan(first.Judged) ? begin : first.Judged;
        if (counted.Least is null || (uncovered is { Proven: true, Value: > 0 } && best.Shortfall > 0))
        {
            // Even hiring every candidate leaves posts uncovered (counted, or proven by the engine): no score bound can be reached either.
            var why = counted.Least is null ? $"No number of the hires offered covers every post: {counted.Why}." : null;
            return Result(AdviceStatus.Unreachable, best, before, problem, candidates, clock, hiresBound, why) with { ProvenSeconds = counted.Least is null ? countedAt : first.Started + uncovered!.ProvenSeconds };
        }

        if (beyond is not null)
        {
            // The rota shown is the best found for coverage (the fewest hires when it covers every post): what the home can do.
            return Result(AdviceStatus.Unreachable, best, before, problem, candidates, clock, hiresBound, beyond) with { ScoreBoundsOutOfReach = true, ProvenSeconds = ceilingsAt };
        }

        // The fewest hires that cover every post, proven (by the engine, or by the count): a lower bound for any target, as every target covers every post.
        var engineProven = ReferenceEquals(best, first.Judged) && first.Result.LevelsProven && hiresLevel is { Proven: true } && uncovered is { Proven: true };
        var coverageLeast = best.Covered && (engineProven || (options.By == HiresBy.Count && best.HireCount == least)) ? best.HireCount : (int?)null;
        if (best.Reached)
        {
            return coverageLeast == best.HireCount
                ? Result(AdviceStatus.Proven, best, before, problem, candidates, clock, hiresBound, null) with { ProvenSeconds = ProvenAt(first, best, begin, beginAt, engineProven, target) }
                : Result(AdviceStatus.BestFound, best, before, problem, candidates, clock, hiresBound, null);
        }

        var copies = candidates.Sum(c => c.MaxCount);
        for (var atLeast = best.HireCount + 1; best is { Covered: true, Reached: false } && atLeast <= copies && budget.Remaining > TimeSpan.FromSeconds(1) && !cancellation.IsCancellationRequested; atLeast++)
        {
            // The scores are ratios the model cannot hold: one hire more, the rota's objective choosing who, judged by the scorer.
            var more = await Attempt(problem, candidates, options, best.Rota, least, atLeast, budget, atLeast == copies ? 1 : 0.5, cancellation);
            if (more.Result.Values is not null && more.Judged.Reached)
            {
                // More hires than coverage needs: fewer were not ruled out for the scores.
                return Result(AdviceStatus.BestFound, more.Judged, before, problem, candidates, clock, coverageLeast, null);
            }
        }

        return Result(AdviceStatus.Unknown, best, before, problem, candidates, clock, hiresBound, best.Covered && !target.CoverageOnly ? target.Headroom(ceilings) : null);
    }

    /// <summary>
    /// When the fewest hires reaching the target were proven: for coverage alone, when the engine's levels were (their
    /// solution covers every post with that many); with a score bound, once the scorer judged the rota that meets it; by
    /// the count, once a rota with that many hires was judged (the start, else the solve's).
    /// </summary>
    private static double? ProvenAt(Solved first, Judged best, Judged begin, double beginAt, bool engineProven, AdviceTarget target) =>
        !ReferenceEquals(best, first.Judged) ? beginAt
        : engineProven && target.CoverageOnly ? first.Started + first.Result.Levels.Max(l => l.ProvenSeconds)
        : first.JudgedAt;

    /// <summary>An advice solve's judged rota and the engine's answer, with when the engine started and when the rota was judged (seconds into the advice).</summary>
    private sealed record Solved(Judged Judged, MipResult Result, double Started, double JudgedAt);

    /// <summary>
    /// One solve of the advice model from a start, the rota judged: with the counted hires as a cut any covering rota
    /// keeps, and with at least <paramref name="atLeast"/> hires when a rota missing a score bound asks for one more.
    /// </summary>
    private async Task<Solved> Attempt(PlanningProblem problem, IReadOnlyList<Candidate> candidates, AdviceOptions options, Rota start, int counted, int atLeast, Budget budget, double share, CancellationToken cancellation)
    {
        var model = RotaModelBuilder.Build(Candidate.WithHires(problem, candidates), weights, hiring: Hiring.Of(candidates, options.By == HiresBy.Cost));
        var hired = model.Hired.Values.Select(v => (Term)v).ToList();
        if (counted > 0)
        {
            // Σ hired + counted·Σ uncovered ≥ counted: binding only on rotas that cover every post, so it cuts off none the count allows.
            var uncovered = model.Mip.Levels.Single(l => l.Name == RotaModel.UncoveredLevel).Terms.Select(t => new Term(counted, t.Variable));
            model.Mip.Add("advice:hires-counted", [.. hired, .. uncovered], Sense.GreaterOrEqual, counted);
        }

        if (atLeast > 0)
        {
            // One hire more than a rota that covers every post but misses a score bound: the rota's objective chooses who.
            model.Mip.Add("advice:hires-at-least", hired, Sense.GreaterOrEqual, atLeast);
        }

        // The engine's share is taken once the model is built: building regional's takes seconds.
        var engineOptions = options.Solve.ForEngine(budget.Take(share), model.ValuesFor(start)) with { LevelShare = options.LevelShare };
        var started = budget.Clock.Seconds;
        var result = await engine.SolveAsync(model.Mip, engineOptions, null, cancellation);
        var rota = result.Values is { } values ? model.RotaFrom(values, MadeBy) : start;
        var judged = Judged.Of(problem, candidates, rota, options.Target);
        return new Solved(judged, result, started, budget.Clock.Seconds);
    }

    private static AdviceResult Result(AdviceStatus status, Judged judged, SolveResult before, PlanningProblem problem, IReadOnlyList<Candidate> candidates, Clock clock, double? hiresBound, string? why)
    {
        var scoredBefore = ContinuityScorer.Score(problem, before.Rota);
        return new AdviceResult(status, judged.Hires, judged.Rota, judged.Problem, judged.Validation, before, scoredBefore.Institution,
            judged.Scores.Institution, clock.Elapsed.TotalSeconds, [.. why is null ? [] : new[] { why }, .. Diagnosis(status, Candidate.WithHires(problem, candidates), judged)])
        {
            HiresBound = hiresBound,
            Target = judged.Target,
            TargetReached = judged.Reached,
            TargetMisses = judged.Misses,
            MostDistinctPerWeekBefore = MostDistinct(scoredBefore),
            MostDistinctPerWeekAfter = MostDistinct(judged.Scores),
        };
    }

    private static double MostDistinct(ContinuityReport report) => report.Children.Count == 0 ? 0 : report.Children.Max(c => c.DistinctPerWeek);

    /// <summary>What stays uncovered (unreachable or unknown), the score bounds missed, and every hard rule the rota breaks besides.</summary>
    private static List<string> Diagnosis(AdviceStatus status, PlanningProblem all, Judged judged)
    {
        var lines = new List<string>();
        if (status is AdviceStatus.Unreachable or AdviceStatus.Unknown)
        {
            lines.AddRange(Solver.Diagnosis.Of(all, judged.Validation));
        }

        lines.AddRange(judged.Misses.Select(m => $"target missed: {m}"));
        lines.AddRange(judged.Validation.Violations.Where(v => v.Severity == Severity.Hard && !RotaSolver.IsShortfall(v)).Select(v => $"{v.Code}: {v.Message}"));
        return lines;
    }

    /// <summary>A rota judged on the home with the copies it works added: the validator's verdict and the scorer's report against the target.</summary>
    private sealed record Judged(Rota Rota, IReadOnlyList<Hire> Hires, PlanningProblem Problem, ValidationReport Validation, ContinuityReport Scores, AdviceTarget Target, IReadOnlyList<string> Misses)
    {
        public int HireCount => Hires.Sum(h => h.Count);

        public double Shortfall => RotaSolver.Shortfall(Validation);

        /// <summary>Hard violations besides uncovered posts.</summary>
        public int Broken => Validation.Violations.Count(v => v.Severity == Severity.Hard && !RotaSolver.IsShortfall(v));

        /// <summary>In the model's order of levels: fewer other hard violations, then fewer posts uncovered.</summary>
        public bool IsBetterThan(Judged other) => (Broken, Shortfall).CompareTo((other.Broken, other.Shortfall)) < 0;

        /// <summary>Every post covered and no other hard rule broken.</summary>
        public bool Covered => Validation.Violations.All(v => v.Severity != Severity.Hard);

        public bool Reached => Covered && Misses.Count == 0;

        public static Judged Of(PlanningProblem problem, IReadOnlyList<Candidate> candidates, Rota rota, AdviceTarget target)
        {
            var working = rota.Assignments.Select(a => a.CaregiverId).ToHashSet(StringComparer.Ordinal);
            var hires = candidates.Select(c => new Hire(c, [.. c.CopyIds.Where(working.Contains)])).Where(h => h.Count > 0).ToList();
            var after = Candidate.WithHires(problem, candidates, working);
            var scores = ContinuityScorer.Score(after, rota);
            return new Judged(rota, hires, after, RotaValidator.Validate(after, rota), scores, target, target.Misses(scores));
        }
    }

    /// <summary>The advice's time after the plain solve: seconds to the deadline, or in the repeatable mode work units not yet given out.</summary>
    /// <summary>The advice's clock, from its start, on the time provider given (tests advance one by hand).</summary>
    private sealed class Clock(TimeProvider time)
    {
        private readonly long start = time.GetTimestamp();

        public TimeSpan Elapsed => time.GetElapsedTime(start);

        public double Seconds => Elapsed.TotalSeconds;
    }

    private sealed class Budget(bool deterministic, TimeSpan total, TimeSpan deadline, Clock clock)
    {
        private TimeSpan given;

        public TimeSpan Remaining => deterministic ? total - given : deadline - clock.Elapsed;

        public Clock Clock => clock;

        /// <summary>A share of what remains, a second at least (the engine needs one to start from its hint).</summary>
        public TimeSpan Take(double share)
        {
            var time = Remaining * share;
            time = time > TimeSpan.FromSeconds(1) ? time : TimeSpan.FromSeconds(1);
            given += time;
            return time;
        }
    }
}
