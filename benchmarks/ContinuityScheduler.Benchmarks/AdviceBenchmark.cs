using System.Globalization;
using System.Text;
using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Scenarios;
using ContinuityScheduler.Domain.Scoring;
using ContinuityScheduler.Solver;
using ContinuityScheduler.Solver.Advice;
using ContinuityScheduler.Testing;

namespace ContinuityScheduler.Benchmarks;

/// <summary>
/// Staffing advice ("no uncovered posts") on baby-home and regional, as they are and short-staffed (the three
/// caregivers cg-001, cg-003, cg-010 of the infant groups gone), and "lowest child ≥ 60" on each home as it is, with the
/// candidates in samples/workshop/advice; beside each, the plain solve of the same home with the same limit, measured
/// in the same run (once per home). Prints a table, with the machine's load, and writes it to benchmarks/reports/.
/// </summary>
public static class AdviceBenchmark
{
    private static readonly string[] Removed = ["cg-001", "cg-003", "cg-010"];

    private static readonly AdviceTarget LowestChild60 = new() { LowestChildAtLeast = 60 };

    public static async Task<int> Run(string[] args, TextWriter output)
    {
        var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 120;
        var samples = args.Length > 1 ? args[1..] : ["baby-home", "regional"];
        var root = RepositoryRoot.Path;
        var solver = new RotaSolver(DefaultEngine.Create());
        var advisor = new AdviceSolver(DefaultEngine.Create());
        var options = new SolveOptions { TimeLimit = TimeSpan.FromSeconds(seconds) };
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"# Advice benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores; time limit {seconds:0} s for each advice (its plain solve for the \"before\" figures included: a quarter; advice answers at once, proven, when that rota already reaches the target; \"answer proven after\" is when the hires, or that none reach the target, were proven, any time after it going on the rota shown) and for the baseline, the plain solve of the same home measured in the same run; --by count; candidates from samples/workshop/advice/<sample>.json; short-staffed = without {string.Join(", ", Removed)}.");
        report.AppendLine(CultureInfo.InvariantCulture, $"Load at the start (`uptime`, the machine shared with other work): {Uptime()}");
        report.AppendLine();
        report.AppendLine("| home | target | plain solve (s) | plain: uncovered (least proven?) | plain: lowest child | advice (s) | ratio to plain | status | answer proven after (s) | hires | hires bound | uncovered before → after | lowest child before → after | continuity before → after (weighted) | hard violations after |");
        report.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var name in samples)
        {
            var document = File.ReadAllText(Path.Combine(root, "samples", $"{name}.json"));
            var candidatesText = File.ReadAllText(Path.Combine(root, "samples", "workshop", "advice", $"{name}.json"));
            var shortStaffed = ScenarioBuilder.Build(document, new Scenario("short-staffed", null, [new RemoveCaregiversChange(Removed)])).Value!;
            foreach (var (label, problem, targets) in new[] { (name, ProblemReader.Read(document).Value!, new[] { new AdviceTarget(), LowestChild60 }), ($"{name}, short-staffed", shortStaffed, [new AdviceTarget()]) })
            {
                var candidates = CandidateReader.Read(candidatesText, problem).Value!;
                var plain = await solver.SolveAsync(problem, options);
                foreach (var target in targets)
                {
                    var advice = await advisor.AdviseAsync(problem, candidates, new AdviceOptions { Solve = options, Target = target });
                    var line = Row(label, problem, plain, advice);
                    report.AppendLine(line);
                    output.WriteLine(line);
                }
            }
        }

        var text = report.ToString();
        output.WriteLine(text);
        var path = Path.Combine(root, "benchmarks", "reports", $"advice-{DateTime.UtcNow:yyyyMMdd-HHmm}.md");
        File.WriteAllText(path, text);
        output.WriteLine($"Report written to {path}");
        return 0;
    }

    private static string Uptime()
    {
        try
        {
            using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("uptime") { RedirectStandardOutput = true })!;
            var text = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return text;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown (no uptime here)";
        }
    }

    private static string Row(string label, PlanningProblem problem, SolveResult plain, AdviceResult advice)
    {
        var target = advice.Target.LowestChildAtLeast is { } lowest ? $"lowest child ≥ {lowest:0}" : "no uncovered post";
        var plainLowest = ContinuityScorer.Score(problem, plain.Rota).Institution.Min;
        var plainUncovered = plain.Validation.Violations.Where(RotaSolver.IsShortfall).Sum(v => (v.Limit ?? 0) - (v.Measured ?? 0));
        var hires = advice.Hires.Count == 0 ? "none" : string.Join("; ", advice.Hires.Select(AdviceWords.Describe));
        var before = advice.UncoveredBefore is { } b ? $"{b:0} (proven)" : "? (not proven)";
        return string.Create(CultureInfo.InvariantCulture,
            $"| {label} | {target} | {plain.Seconds:0.0} | {plainUncovered:0} ({(plain.UncoveredMinimum is null ? "not proven" : "proven")}) | {plainLowest:0.0} | {advice.Seconds:0.0} | {advice.Seconds / plain.Seconds:0.00}× | {JsonNames.Of(advice.Status)} | {(advice.ProvenSeconds is { } p ? p.ToString("0.0", CultureInfo.InvariantCulture) : "-")} | {hires} | {(advice.HiresBound is { } h ? h.ToString("0.##", CultureInfo.InvariantCulture) : "-")} | {before} → {advice.UncoveredAfter:0} | {advice.ContinuityBefore.Min:0.0} → {advice.ContinuityAfter.Min:0.0} | {Continuity(advice.ContinuityBefore)} → {Continuity(advice.ContinuityAfter)} | {advice.Validation.HardCount} |");
    }

    private static string Continuity(ContinuitySummary summary) => summary.WeightedMean.ToString("0.00", CultureInfo.InvariantCulture);
}
