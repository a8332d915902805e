using System.Diagnostics;
using ContinuityScheduler.Domain.Advice;
using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Domain.Scoring;
using ContinuityScheduler.Solver.Engine;
using ContinuityScheduler.Solver.Model;

namespace ContinuityScheduler.Solver.Advice;

/// <summary>
/// Staffing advice ("what would it take?"): the fewest (or cheapest) candidate hires that leave no post uncovered. The
/// home's plain solve comes first (the "before" figures and the start); then one model of the home with every candidate
/// copy added as a caregiver who works only when hired, its levels in order: the rules' minimums, the uncovered posts
/// (held at their least, 0 when reachable, so the target binds as a hard constraint from then on), the hires, and the
/// rota's objective. The validator judges the rota on the home with the chosen hires added; the hires are read from
/// the rota, not from the engine.
/// </summary>
public sealed class AdviceSolver(IMipEngine engine, ObjectiveWeights? weights = null)
{
    public const string MadeBy = "advice";

    private readonly ObjectiveWeights weights = weights ?? ObjectiveWeights.Default;

    public async Task<AdviceResult> AdviseAsync(PlanningProblem problem, IReadOnlyList<Candidate> candidates, AdviceOptions options, CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        var limit = options.Solve.TimeLimit;
        var before = await new RotaSolver(engine, weights).SolveAsync(problem, options.Solve with { TimeLimit = limit * options.BeforeShare }, null, cancellation);

        var all = Candidate.WithHires(problem, candidates);
        var model = RotaModelBuilder.Build(all, weights, hiring: Hiring.Of(candidates, options.By == HiresBy.Cost));
        // In the repeatable mode the limit counts work units: the advice gets what the plain solve was not given.
        var rest = options.Solve.Deterministic ? limit * (1 - options.BeforeShare) : limit - clock.Elapsed;
        var engineOptions = options.Solve.ForEngine(rest > TimeSpan.FromSeconds(1) ? rest : TimeSpan.FromSeconds(1), model.ValuesFor(before.Rota)) with { LevelShare = options.LevelShare };
        var result = await engine.SolveAsync(model.Mip, engineOptions, null, cancellation);

        // The plain rota is a start every advice model keeps: without an answer from the engine it stands, with no hires.
        var rota = result.Values is { } values ? model.RotaFrom(values, MadeBy) : new Rota(before.Rota.Assignments, MadeBy);
        var working = rota.Assignments.Select(a => a.CaregiverId).ToHashSet(StringComparer.Ordinal);
        var hires = candidates
            .Select(c => new Hire(c, [.. c.CopyIds.Where(working.Contains)]))
            .Where(h => h.Count > 0)
            .ToList();
        var after = Candidate.WithHires(problem, candidates, working);
        var validation = RotaValidator.Validate(after, rota);
        var uncovered = result.Levels.FirstOrDefault(l => l.Name == RotaModel.UncoveredLevel);
        var hiresLevel = result.Levels.FirstOrDefault(l => l.Name == RotaModel.HiresLevel);
        var shortfall = RotaSolver.Shortfall(validation);
        // Proven only when every level before the rota's objective was proven (the rules' minimums too: a loose hold on them
        // would make the later levels' proofs hold only against it), and the validator finds no other hard rule broken.
        var otherHard = validation.Violations.Any(v => v.Severity == Severity.Hard && !RotaSolver.IsShortfall(v));
        var status = uncovered is { Proven: true, Value: > 0 } && shortfall > 0 ? AdviceStatus.Unreachable
            : result.Values is null || shortfall > 0 ? AdviceStatus.Unknown
            : result.LevelsProven && hiresLevel is { Proven: true } && uncovered is { Proven: true } && !otherHard ? AdviceStatus.Proven
            : AdviceStatus.BestFound;

        return new AdviceResult(status, hires, rota, after, validation, before, ContinuityScorer.Score(problem, before.Rota).Institution,
            ContinuityScorer.Score(after, rota).Institution, clock.Elapsed.TotalSeconds, Diagnosis(status, all, validation))
        {
            HiresBound = hiresLevel?.Bound,
        };
    }

    /// <summary>What stays uncovered (unreachable or unknown), and every hard rule the rota breaks besides.</summary>
    private static List<string> Diagnosis(AdviceStatus status, PlanningProblem all, ValidationReport validation)
    {
        var lines = new List<string>();
        if (status is AdviceStatus.Unreachable or AdviceStatus.Unknown)
        {
            lines.AddRange(Solver.Diagnosis.Of(all, validation));
        }

        lines.AddRange(validation.Violations.Where(v => v.Severity == Severity.Hard && !RotaSolver.IsShortfall(v)).Select(v => $"{v.Code}: {v.Message}"));
        return lines;
    }
}
