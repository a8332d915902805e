using System.Diagnostics;
using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Domain.Scoring;
using ContinuityScheduler.Solver.Engine;
using ContinuityScheduler.Solver.Model;

namespace ContinuityScheduler.Solver.Advice;

/// <summary>
/// The leave-one-out view ("which group loses most if one caregiver leaves"): for each caregiver in turn, the home with
/// them absent over the whole horizon, the rota as given repaired as a sickness is (<see cref="RotaSolver.RepairAsync"/>:
/// the fewest changes, then the most continuity) with a share of the time limit, so the figures show what the home
/// would really do, not just the holes. Each repaired rota is judged by the validator and the scorer, never the engine.
/// </summary>
public sealed class LeaveOneOutSolver(IMipEngine engine, ObjectiveWeights? weights = null)
{
    /// <summary>A score difference below this is rounding, not a fall.</summary>
    private const double Noise = 1e-9;

    private readonly RotaSolver solver = new(engine, weights);

    public async Task<LeaveOneOutResult> LeaveOneOutAsync(PlanningProblem problem, Rota rota, LeaveOneOutOptions options, IProgress<LeaveOneOutCaregiver>? progress = null, CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        List<string> ids = [.. (options.Caregivers ?? [.. problem.Caregivers.Select(c => c.Id)]).Distinct(StringComparer.Ordinal)];
        var unknown = ids.FirstOrDefault(id => !problem.CaregiversById.ContainsKey(id));
        if (unknown is not null)
        {
            throw new ArgumentException($"No caregiver '{unknown}' in the problem.", nameof(options));
        }

        var before = ContinuityScorer.Score(problem, rota);
        var uncoveredBefore = RotaSolver.Shortfall(RotaValidator.Validate(problem, rota));
        // Only caregivers with shifts need a repair; the others' time goes to those still to come.
        var toRepair = ids.Count(id => rota.Assignments.Any(a => a.CaregiverId == id));
        var left = toRepair;
        var records = new List<LeaveOneOutCaregiver>();
        foreach (var id in ids)
        {
            if (cancellation.IsCancellationRequested)
            {
                break;
            }

            var lost = rota.Assignments.Count(a => a.CaregiverId == id);
            var share = lost == 0 ? TimeSpan.Zero : Share(options.Solve, clock.Elapsed, toRepair, left--);
            var record = await Without(problem, rota, before, problem.CaregiversById[id], lost, options with { Solve = options.Solve with { TimeLimit = share } }, cancellation);
            records.Add(record);
            progress?.Report(record);
        }

        var ranked = records
            .OrderByDescending(r => r.Uncovered)
            .ThenByDescending(r => r.OtherHardViolations)
            .ThenByDescending(r => r.Drop)
            .ThenByDescending(r => r.GroupLosingMost?.Drop ?? 0)
            .ThenBy(r => r.CaregiverId, StringComparer.Ordinal)
            .ToList();
        return new LeaveOneOutResult(uncoveredBefore, before.Institution, ranked, clock.Elapsed.TotalSeconds, records.Count == ids.Count && !cancellation.IsCancellationRequested);
    }

    /// <summary>The home without the caregiver over the horizon, as the repair's absence expresses it.</summary>
    public static PlanningProblem Without(PlanningProblem problem, string caregiverId) =>
        RotaSolver.WithSickness(problem, caregiverId, problem.Horizon.Start, problem.Horizon.End);

    /// <summary>An equal share of the time left for each repair still to come; in the repeatable mode of the work units.</summary>
    private static TimeSpan Share(SolveOptions solve, TimeSpan elapsed, int total, int left)
    {
        // Work units are not seconds: in the repeatable mode each repair gets an equal share of the whole limit.
        var share = solve.Deterministic ? solve.TimeLimit / total : (solve.TimeLimit - elapsed) / left;
        return share > TimeSpan.FromSeconds(1) ? share : TimeSpan.FromSeconds(1);
    }

    private async Task<LeaveOneOutCaregiver> Without(PlanningProblem problem, Rota rota, ContinuityReport before, Caregiver leaver, int lost, LeaveOneOutOptions options, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var without = Without(problem, leaver.Id);
        // Nothing to repair without their shifts: the rota stands as given.
        var (after, status, proven, validation) = lost == 0
            ? (rota, (SolveStatus?)null, false, RotaValidator.Validate(without, rota))
            : await Repair(problem, rota, leaver.Id, options.Solve, cancellation);
        var scores = ContinuityScorer.Score(without, after);
        var shortfall = RotaSolver.Shortfall(validation);
        return new LeaveOneOutCaregiver(
            leaver.Id,
            leaver.Name,
            lost,
            Changes(rota, after, leaver.Id),
            status ?? (validation.Violations.Any(v => v.Severity == Severity.Hard && !RotaSolver.IsShortfall(v)) ? SolveStatus.Infeasible : SolveStatus.Feasible),
            shortfall,
            proven,
            validation.Violations.Count(v => v.Severity == Severity.Hard && !RotaSolver.IsShortfall(v)),
            before.Institution.WeightedMean,
            scores.Institution.WeightedMean,
            before.Institution.Min,
            scores.Institution.Min,
            GroupLosingMost(before, scores),
            ChildrenFallingMost(before, scores, options.ChildrenShown),
            clock.Elapsed.TotalSeconds,
            after);
    }

    /// <summary>The repair's rota, status, whether its uncovered person-shifts are proven the least, and the validator's report on the home without the leaver.</summary>
    private async Task<(Rota, SolveStatus?, bool, ValidationReport)> Repair(PlanningProblem problem, Rota rota, string leaverId, SolveOptions solve, CancellationToken cancellation)
    {
        var start = LeaveOneOutStart.Absorb(Without(problem, leaverId), rota, leaverId);
        var result = await solver.RepairAsync(problem, rota, leaverId, problem.Horizon.Start, problem.Horizon.End, solve with { Start = start }, null, cancellation);
        return (result.Rota, result.Status, result.UncoveredMinimum is not null, result.Validation);
    }

    /// <summary>Assignments the repair added or took away, the leaver's own lost shifts aside: what it asks of colleagues.</summary>
    private static int Changes(Rota before, Rota after, string leaverId)
    {
        var published = before.Assignments.ToHashSet();
        var repaired = after.Assignments.ToHashSet();
        return published.Count(a => a.CaregiverId != leaverId && !repaired.Contains(a)) + repaired.Count(a => !published.Contains(a));
    }

    /// <summary>The group whose weighted mean falls most; null when none falls.</summary>
    private static LeaveOneOutGroup? GroupLosingMost(ContinuityReport before, ContinuityReport after)
    {
        var afterById = after.Groups.ToDictionary(g => g.GroupId, StringComparer.Ordinal);
        return before.Groups
            .Where(g => g.Summary.Children > 0)
            .Select(g => new LeaveOneOutGroup(g.GroupId, g.Name, g.Summary.WeightedMean, afterById[g.GroupId].Summary.WeightedMean))
            .Where(g => g.Drop > Noise)
            .OrderByDescending(g => g.Drop)
            .ThenBy(g => g.GroupId, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    /// <summary>The children whose scores fall most, largest fall first; only those that fall.</summary>
    private static List<LeaveOneOutChild> ChildrenFallingMost(ContinuityReport before, ContinuityReport after, int count)
    {
        var afterById = after.Children.ToDictionary(c => c.ChildId, StringComparer.Ordinal);
        return [.. before.Children
            .Where(c => afterById.ContainsKey(c.ChildId))
            .Select(c => new LeaveOneOutChild(c.ChildId, c.GroupId, c.UnderThree, c.Score, afterById[c.ChildId].Score))
            .Where(c => c.Drop > Noise)
            .OrderByDescending(c => c.Drop)
            .ThenBy(c => c.ChildId, StringComparer.Ordinal)
            .Take(count)];
    }
}
