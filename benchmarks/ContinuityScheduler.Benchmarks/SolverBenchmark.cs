using System.Diagnostics;
using System.Globalization;
using System.Text;
using ContinuityScheduler.Domain.Baseline;
using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Domain.Scoring;
using ContinuityScheduler.Solver;
using ContinuityScheduler.Testing;

namespace ContinuityScheduler.Benchmarks;

/// <summary>
/// The solver against the hospital-way baseline on each sample, in one run: continuity and shortfall of both, the
/// solver's ratio to the baseline, first-rota time, time to a proven optimum, gap at 10/30/60/120 s from one solve's
/// trajectory, the proven least uncovered, peak memory, and a repair of a week's sickness on baby-home. Prints the
/// tables and writes them to benchmarks/reports/.
/// </summary>
public static class SolverBenchmark
{
    private static readonly double[] Checkpoints = [10, 30, 60, 120];

    public static async Task<int> Run(string[] args, TextWriter output)
    {
        var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 120;
        var samples = args.Length > 1 ? args[1..] : ["small-home", "baby-home", "regional", "dst-week"];
        var root = RepositoryRoot.Path;
        var solver = new RotaSolver(DefaultEngine.Create());
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"# Solver benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores; time limit {seconds:0} s a sample; OR-Tools CP-SAT in process (workers by model size), the linear relaxation by PDLP beside it; baseline = the hospital way, measured in the same run.");
        report.AppendLine();
        report.AppendLine("| sample | rota | mean | weighted | min | distinct/child/week | key-person days | key moments | uncovered (person-shifts) | hard violations | score ratio |");
        report.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        var timing = new StringBuilder();
        timing.AppendLine("| sample | status | first rota (s) | proven optimal at (s) | gap 10 s | gap 30 s | gap 60 s | gap 120 s | final gap | objective | bound | least uncovered (proven) | total (s) | process peak memory so far (MiB) |");
        timing.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");

        foreach (var name in samples)
        {
            var problem = ProblemReader.Read(File.ReadAllText(Path.Combine(root, "samples", $"{name}.json"))).Value!;
            var clock = Stopwatch.StartNew();
            var hospital = HospitalWay.Generate(problem);
            var hospitalSeconds = clock.Elapsed.TotalSeconds;
            var result = await solver.SolveAsync(problem, new SolveOptions { TimeLimit = TimeSpan.FromSeconds(seconds) });
            var before = ContinuityScorer.Score(problem, hospital).Institution;
            report.AppendLine(Row(name, $"hospital way ({hospitalSeconds:0.0} s)", before, RotaValidator.Validate(problem, hospital), null));
            var after = ContinuityScorer.Score(problem, result.Rota).Institution;
            report.AppendLine(Row(name, "solver", after, result.Validation, after.Mean / before.Mean));

            var gaps = Checkpoints.Select(t => GapAt(result, t)).ToList();
            var optimalAt = result.Status == SolveStatus.Optimal ? F(result.Seconds) : "-";
            timing.AppendLine(CultureInfo.InvariantCulture,
                $"| {name} | {JsonNames.Of(result.Status)} | {F(result.FirstSolutionSeconds)} | {optimalAt} | {string.Join(" | ", gaps.Select(Percent))} | {Percent(result.Gap)} | {F(result.Objective.Total)} | {F(result.Bound)} | {F(result.UncoveredMinimum)} | {result.Seconds:0.0} | {PeakMegabytes():0} |");
            output.WriteLine($"{name}: {JsonNames.Of(result.Status)}, first rota {F(result.FirstSolutionSeconds)} s, objective {F(result.Objective.Total)}, bound {F(result.Bound)}, gap {Percent(result.Gap)}");
        }

        report.AppendLine();
        report.AppendLine(timing.ToString());
        if (samples.Contains("baby-home"))
        {
            report.AppendLine(await Repair(root, solver, output));
        }

        var text = report.ToString();
        output.WriteLine(text);
        var path = Path.Combine(root, "benchmarks", "reports", $"solver-{DateTime.UtcNow:yyyyMMdd-HHmm}.md");
        File.WriteAllText(path, text);
        output.WriteLine($"Report written to {path}");
        return 0;
    }

    /// <summary>A week of sickness for the caregiver with most shifts in a solved baby-home rota.</summary>
    private static async Task<string> Repair(string root, RotaSolver solver, TextWriter output)
    {
        var problem = ProblemReader.Read(File.ReadAllText(Path.Combine(root, "samples", "baby-home.json"))).Value!;
        var published = (await solver.SolveAsync(problem, new SolveOptions { TimeLimit = TimeSpan.FromSeconds(60) })).Rota;
        var sick = published.Assignments.GroupBy(a => a.CaregiverId).OrderByDescending(g => g.Count()).First().Key;
        var from = problem.Horizon.Start.PlusWeeks(1);
        var to = from.PlusDays(6);
        var lost = published.Assignments.Count(a => a.CaregiverId == sick && a.Date >= from && a.Date <= to);
        var result = await solver.RepairAsync(problem, published, sick, from, to, new SolveOptions { TimeLimit = TimeSpan.FromSeconds(30) });
        var changes = published.Assignments.Count(a => !result.Rota.Assignments.Contains(a)) + result.Rota.Assignments.Count(a => !published.Assignments.Contains(a));
        var line = $"Repair on baby-home: {sick} sick {IsoText.Of(from)}–{IsoText.Of(to)} ({lost} shifts lost): {JsonNames.Of(result.Status)} in {result.Seconds:0.00} s "
            + $"(first rota {F(result.FirstSolutionSeconds)} s), {changes} assignments changed{(result.Status == SolveStatus.Optimal ? " (the fewest: proven)" : "")}, "
            + $"{result.Validation.HardCount} hard violations ({result.Validation.Violations.Count(RotaSolver.IsShortfall)} uncovered).";
        output.WriteLine(line);
        return line;
    }

    private static string Row(string name, string rota, ContinuitySummary summary, ValidationReport validation, double? ratio)
    {
        var shortfall = validation.Violations.Where(RotaSolver.IsShortfall).Sum(v => (v.Limit ?? 0) - (v.Measured ?? 0));
        return string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {rota} | {summary.Mean:0.00} | {summary.WeightedMean:0.00} | {summary.Min:0.00} | {summary.DistinctPerWeek:0.00} | {summary.KeyPersonDays:0.00} | {summary.KeyMoments:0.00} | {shortfall:0} | {validation.HardCount} | {(ratio is { } r ? $"{r:0.00}×" : "1.00× (baseline)")} |");
    }

    /// <summary>The gap of the best rota and bound known at a time of the solve, from its trajectory.</summary>
    private static double? GapAt(SolveResult result, double seconds)
    {
        var known = result.Trajectory.Where(p => p.Seconds <= seconds).ToList();
        var incumbent = known.LastOrDefault(p => p.Incumbent is not null)?.Incumbent;
        var bound = known.Where(p => p.Bound is not null).Select(p => p.Bound).LastOrDefault();
        // A solve that ended before the checkpoint keeps its final gap there.
        return seconds >= result.Seconds ? result.Gap : incumbent is { } i && bound is { } b ? SolveResult.GapOf(i, b) : null;
    }

    /// <summary>The process's peak resident memory (VmHWM): the engine runs in it.</summary>
    private static double PeakMegabytes()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0
            : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    private static string Percent(double? gap) => gap is { } g ? g.ToString("0.0%", CultureInfo.InvariantCulture) : "-";

    private static string F(double? value) => value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : "-";
}
