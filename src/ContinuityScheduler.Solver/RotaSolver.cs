using System.Diagnostics;
using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Solver.Engine;
using ContinuityScheduler.Solver.Model;
using NodaTime;

namespace ContinuityScheduler.Solver;

/// <summary>
/// Makes the rota with the most continuity within the labour rules. The construction heuristic gives a first rota in
/// well under a second; the engine then searches the whole model from it, in order: the rules' minimums it cannot keep,
/// the posts it cannot cover, then the objective, each held at its best before the next. The answer is never empty: at
/// worst it is the construction's rota. The validator has the last word: a rota breaking a hard rule is "infeasible",
/// whatever the model said, and the objective is recomputed from the rota.
/// </summary>
public sealed class RotaSolver(IMipEngine engine, ObjectiveWeights? weights = null)
{
    public const string MadeBy = "solver";

    /// <summary>Days before and after an absence on which a repair may change the published rota.</summary>
    public const int RepairMargin = 3;

    private readonly ObjectiveWeights weights = weights ?? ObjectiveWeights.Default;

    public async Task<SolveResult> SolveAsync(PlanningProblem problem, SolveOptions options, IProgress<SolveProgress>? progress = null, CancellationToken cancellation = default)
    {
        var run = new Run(problem, options, progress, Stopwatch.StartNew(), null);
        var first = options.Start ?? Construction.Build(problem);
        // The first rota is there now, before the model is built: a manager waiting on the page sees it at once.
        var firstSeconds = run.Seconds;
        run.Report(new SolveProgress(firstSeconds, ObjectiveFunction.Evaluate(problem, first, weights).Total, null));
        var model = RotaModelBuilder.Build(problem, weights);
        return await Solve(run, model, model.Mip, first, firstSeconds, cancellation);
    }

    /// <summary>
    /// Repairs a published rota after a caregiver falls ill: the fewest changes (proven when the time allows), only on
    /// the days around the absence, replacements from the group's core team preferred, then the most continuity. It
    /// starts from the published rota without the sick days, or from <see cref="SolveOptions.Start"/> when given.
    /// </summary>
    public async Task<SolveResult> RepairAsync(PlanningProblem problem, Rota published, string caregiverId, LocalDate from, LocalDate to, SolveOptions options, IProgress<SolveProgress>? progress = null, CancellationToken cancellation = default)
    {
        var changed = WithSickness(problem, caregiverId, from, to);
        var reference = new RepairReference(changed, published);
        var run = new Run(changed, options, progress, Stopwatch.StartNew(), reference);
        var model = RotaModelBuilder.Build(changed, weights, reference);
        var (first, last) = (from.PlusDays(-RepairMargin), to.PlusDays(RepairMargin));
        var fixedColumns = model.Assignments
            .Where(a => a.Key.Date < first || a.Key.Date > last)
            .ToDictionary(a => a.Value.Index, a => reference.IsPublished(a.Key.CaregiverId, a.Key.Date, a.Key.DemandId) ? 1.0 : 0.0);
        // The caller's start must keep the published rota outside the days that may change.
        var kept = options.Start ?? new Rota(published.Assignments.Where(a => a.CaregiverId != caregiverId || a.Date < from || a.Date > to), MadeBy);
        var firstSeconds = run.Seconds;
        run.Report(new SolveProgress(firstSeconds, ObjectiveFunction.Evaluate(changed, kept, weights, reference).Total, null));
        return await Solve(run, model, model.Mip.WithFixed(fixedColumns), kept, firstSeconds, cancellation);
    }

    /// <summary>The problem with the caregiver off sick on the given days.</summary>
    public static PlanningProblem WithSickness(PlanningProblem problem, string caregiverId, LocalDate from, LocalDate to)
    {
        var caregiver = problem.CaregiversById[caregiverId];
        var sick = new Caregiver(caregiver.Id, caregiver.Name, caregiver.Contract, caregiver.Skills, caregiver.AllowedGroups,
            [.. caregiver.Absences, new Absence(AbsenceKind.Sickness, new DateInterval(from, to))], caregiver.Wishes, caregiver.ExternalId);
        return new PlanningProblem(problem.Institution, problem.Horizon, problem.Groups, problem.Children,
            problem.Caregivers.Select(c => c.Id == caregiverId ? sick : c), problem.ShiftTypes, problem.Demands, problem.History, problem.Pins);
    }

    private async Task<SolveResult> Solve(Run run, RotaModel model, MipModel mip, Rota start, double firstSeconds, CancellationToken cancellation)
    {
        var startValues = model.ValuesFor(start);
        var options = run.Options.ForEngine(run.Remaining, startValues);
        var offset = run.Seconds;
        var engineProgress = run.Progress is null ? null : new Progress<MipProgress>(p => run.Report(new SolveProgress(offset + p.Seconds, p.Incumbent, p.Bound)));
        var result = await engine.SolveAsync(mip, options, engineProgress, cancellation);
        var trajectory = new List<SolveProgress> { new(firstSeconds, mip.Evaluate(startValues), null) };
        trajectory.AddRange(result.Trajectory.Select(p => new SolveProgress(offset + p.Seconds, p.Incumbent, p.Bound)));

        // Never empty-handed: without an answer from the engine the construction's rota stands.
        var (rota, engineObjective) = result.Values is { } values ? (model.RotaFrom(values, MadeBy), result.Objective) : (new Rota(start.Assignments, MadeBy), mip.Evaluate(startValues));
        return Verdict(run, rota, result, engineObjective, firstSeconds, trajectory);
    }

    /// <summary>The validator judges the rota: any hard rule broken but priced coverage makes it "infeasible", whatever the engine said.</summary>
    private SolveResult Verdict(Run run, Rota rota, MipResult result, double? engineObjective, double firstSeconds, IReadOnlyList<SolveProgress> trajectory)
    {
        var validation = RotaValidator.Validate(run.Problem, rota);
        var objective = ObjectiveFunction.Evaluate(run.Problem, rota, weights, run.Reference);
        var broken = validation.Violations.Where(v => v.Severity == Severity.Hard && !IsShortfall(v)).ToList();
        var found = result.Values is not null;
        var status = broken.Count > 0 ? SolveStatus.Infeasible
            : found && result.Status == MipStatus.Optimal && result.LevelsProven ? SolveStatus.Optimal
            : SolveStatus.Feasible;
        var uncovered = result.Levels.FirstOrDefault(l => l.Name == RotaModel.UncoveredLevel);
        var brokenLevel = result.Levels.FirstOrDefault(l => l.Name == RotaModel.BrokenLevel);
        double? bound = status != SolveStatus.Infeasible && found && result.LevelsProven ? result.Bound : null;
        var diagnosis = new List<string>();
        if (broken.Count > 0)
        {
            diagnosis.Add(brokenLevel is { Proven: true, Value: > 0 }
                ? "No rota keeps every labour rule: this is the one that breaks least (proven). It breaks:"
                : "No rota keeping every labour rule was found in the time; this one breaks least of those found. It breaks:");
            diagnosis.AddRange(broken.Select(v => $"{v.Code}: {v.Message}"));
        }

        var shortfall = Shortfall(validation);
        if (shortfall > 0)
        {
            diagnosis.Add(uncovered is { Proven: true }
                ? $"{shortfall:0} person-shift(s) cannot be covered by any rota within the rules (proven)."
                : $"{shortfall:0} person-shift(s) are left uncovered; a rota with fewer was not ruled out in the time.");
            diagnosis.AddRange(Diagnosis.Of(run.Problem, validation));
        }

        return new SolveResult(status, rota, objective, engineObjective, bound, firstSeconds, run.Seconds, trajectory, validation, diagnosis)
        {
            UncoveredMinimum = uncovered is { Proven: true } && found ? shortfall : null,
        };
    }

    /// <summary>A post short of people on a date: priced by the objective, not a broken rule of the rota.</summary>
    public static bool IsShortfall(Violation violation) =>
        violation is { Code: "coverage", Severity: Severity.Hard, DemandId: not null } && violation.Measured < violation.Limit;

    /// <summary>The person-shifts a rota leaves uncovered, as the validator counts them.</summary>
    public static double Shortfall(ValidationReport validation) => validation.Violations.Where(IsShortfall).Sum(v => (v.Limit ?? 0) - (v.Measured ?? 0));

    /// <summary>One solve's clock, options, listener and, for a repair, the published rota.</summary>
    private sealed record Run(PlanningProblem Problem, SolveOptions Options, IProgress<SolveProgress>? Progress, Stopwatch Clock, RepairReference? Reference)
    {
        public double Seconds => Clock.Elapsed.TotalSeconds;

        public TimeSpan Remaining => Options.TimeLimit - Clock.Elapsed > TimeSpan.FromSeconds(0.5) ? Options.TimeLimit - Clock.Elapsed : TimeSpan.FromSeconds(0.5);

        public void Report(SolveProgress point) => Progress?.Report(point);
    }
}
