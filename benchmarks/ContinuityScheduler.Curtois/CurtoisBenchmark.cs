using System.Globalization;
using System.Text;
using ContinuityScheduler.Solver.Engine;

namespace ContinuityScheduler.Curtois;

/// <summary>
/// Runs instance files one after the other under a time limit and reports, per instance, the checker's objective,
/// the engine's bound, the gap, the ratio to the best known value, time to the first roster, total time and the
/// checker's verdict; the table goes to the console and to a Markdown file.
/// </summary>
public sealed class CurtoisBenchmark
{
    public required IReadOnlyList<string> Files { get; init; }

    public double TimeLimitSeconds { get; init; } = 60;

    /// <summary>Search workers; 8 beat 2 on these instances even on two cores (notes/ortools.md).</summary>
    public int Threads { get; init; } = 8;

    private string engineName = "";

    public int Seed { get; init; } = 1;

    public string? OutPath { get; init; }

    public IReadOnlyDictionary<string, int> BestKnown { get; init; } = new Dictionary<string, int>();

    public static CurtoisBenchmark Parse(IReadOnlyList<string> args, string repositoryRoot)
    {
        var files = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                files.Add(args[i]);
                continue;
            }

            if (args[i] is not ("--time-limit" or "--threads" or "--seed" or "--out" or "--best-known"))
            {
                throw new ArgumentException($"Unknown option {args[i]}.");
            }

            options[args[i]] = i + 1 < args.Count ? args[++i] : throw new ArgumentException($"Option {args[i]} needs a value.");
        }

        if (files.Count == 0)
        {
            throw new ArgumentException("Name at least one instance file.");
        }

        var bestKnownPath = options.GetValueOrDefault("--best-known") ?? DefaultBestKnown(repositoryRoot);
        return new CurtoisBenchmark
        {
            Files = files,
            TimeLimitSeconds = Number(options, "--time-limit", 60),
            Threads = (int)Number(options, "--threads", 8),
            Seed = (int)Number(options, "--seed", 1),
            OutPath = options.GetValueOrDefault("--out"),
            BestKnown = bestKnownPath is null ? new Dictionary<string, int>() : Curtois.BestKnown.Read(bestKnownPath),
        };
    }

    public async Task<int> Run(IMipEngine engine, TextWriter output)
    {
        engineName = engine.Name;
        var instances = Files.Select(CurtoisReader.ReadFile).ToList();
        var options = new MipOptions { TimeLimit = TimeSpan.FromSeconds(TimeLimitSeconds), Threads = Threads, Seed = Seed };
        var rows = new List<string>();
        output.WriteLine(Header);
        foreach (var instance in instances)
        {
            var outcome = await CurtoisSolver.SolveAsync(instance, engine, options);
            var row = Row(outcome);
            rows.Add(row);
            output.WriteLine(row);
            foreach (var violation in outcome.Verdict?.Violations.Take(5) ?? [])
            {
                output.WriteLine($"    {violation}");
            }
        }

        if (OutPath is not null)
        {
            await File.WriteAllTextAsync(OutPath, Report(rows));
            output.WriteLine($"Written to {OutPath}");
        }

        return 0;
    }

    private const string Header =
        "| instance | status | objective (checker) | best bound | gap | best known | ratio to best known | first solution (s) | total (s) | checker |\n" +
        "|---|---|---|---|---|---|---|---|---|---|";

    private string Row(CurtoisOutcome outcome)
    {
        var result = outcome.Result;
        int? best = BestKnown.TryGetValue(outcome.Instance.Name, out var value) ? value : null;
        var objective = outcome.Verdict?.Objective;
        var ratio = objective is { } o && best is { } b && b > 0 ? $"{(double)o / b:0.000}" : "—";
        var checker = outcome.Verdict switch
        {
            null => "no roster",
            { IsValid: false } v => $"invalid ({v.Violations.Count} violations), {v.Objective}",
            { } v when !outcome.ObjectivesAgree => $"valid, {v.Objective} ≠ engine {F(result.Objective)}",
            { } v => $"valid, {v.Objective}",
        };
        return $"| {outcome.Instance.Name} | {Status(result.Status)} | {F(objective)} | {F(result.Bound)} | {(outcome.Gap is { } g ? g.ToString("0.00%", CultureInfo.InvariantCulture) : "—")} | {(best is null ? "—" : best.Value.ToString(CultureInfo.InvariantCulture))} | {ratio} | {F(result.FirstSolutionSeconds, "0.0")} | {result.Seconds:0.0} | {checker} |";
    }

    private string Report(IEnumerable<string> rows)
    {
        var text = new StringBuilder();
        text.AppendLine("# Curtois–Qu shift-scheduling benchmark");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores; time limit {TimeLimitSeconds:0.#} s an instance, {Threads} threads, seed {Seed}; engine {engineName} through the solver core's `MipModel`, the whole model at once.");
        text.AppendLine("The objective is the checker's, recomputed from the roster alone (it must equal the engine's); the bound is the engine's proven bound on the whole model. Gap = (objective − bound) / objective; ratio = objective / best known (best-known.csv). Times are wall-clock seconds.");
        text.AppendLine();
        text.AppendLine(Header);
        foreach (var row in rows)
        {
            text.AppendLine(row);
        }

        return text.ToString();
    }

    private static string Status(MipStatus status) => status switch
    {
        MipStatus.Optimal => "optimal",
        MipStatus.Feasible => "feasible",
        MipStatus.Infeasible => "infeasible",
        _ => "no solution",
    };

    private static string? DefaultBestKnown(string repositoryRoot)
    {
        var path = Path.GetFullPath(Path.Combine(repositoryRoot, "..", "shared", "benchmarks", "curtois", "best-known.csv"));
        return File.Exists(path) ? path : null;
    }

    private static double Number(Dictionary<string, string> options, string name, double fallback)
    {
        if (!options.TryGetValue(name, out var text))
        {
            return fallback;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{name} must be a positive number, not '{text}'.");
    }

    private static string F(double? value, string format = "0.##") => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "—";
}
