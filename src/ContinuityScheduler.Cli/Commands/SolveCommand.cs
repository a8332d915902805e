using System.Globalization;
using System.Text.Json;
using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Scoring;
using ContinuityScheduler.Solver;
using ContinuityScheduler.Solver.Engine;

namespace ContinuityScheduler.Cli.Commands;

public static class SolveCommand
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var arguments = new Arguments(args, ["--json", "--deterministic"]);
        arguments.Only("--out", "--time-limit", "--gap", "--threads", "--seed");
        var problem = Documents.Problem(arguments.At(0, "PROBLEM"));
        var outPath = arguments.Required("--out");
        return Execute(arguments, output, error, outPath, (solver, options, progress) => solver.SolveAsync(problem, options, progress), problem, null);
    }

    /// <summary>Runs a solve or a repair with the command line's options, prints its progress and result, writes the rota.</summary>
    public static int Execute(Arguments arguments, TextWriter output, TextWriter error, string outPath, Func<RotaSolver, SolveOptions, IProgress<SolveProgress>, Task<SolveResult>> solve, PlanningProblem problem, Rota? published)
    {
        var options = Options(arguments);
        var json = arguments.Has("--json");
        // In --json mode stdout carries only the result, so progress goes to stderr.
        var progressOut = json ? error : output;
        var progress = new Progress<SolveProgress>(p => progressOut.WriteLine(
            $"  {p.Seconds,7:0.0} s  incumbent {Format(p.Incumbent)}  bound {Format(p.Bound)}  gap {(p.Gap is { } g ? g.ToString("0.00%", CultureInfo.InvariantCulture) : "-")}"));

        SolveResult result;
        try
        {
            result = solve(new RotaSolver(DefaultEngine.Create()), options, progress).GetAwaiter().GetResult();
        }
        catch (EngineUnavailableException e)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }

        Documents.Write(outPath, DocumentWriter.Write(result.Rota));
        var continuity = ContinuityScorer.Score(problem, result.Rota).Institution;
        var changes = published is null ? (int?)null : Changes(published, result.Rota);
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(new
            {
                status = JsonNames.Of(result.Status),
                objective = result.Objective.Total,
                objectiveTerms = result.Objective,
                engineObjective = result.EngineObjective,
                bound = result.Bound,
                gap = result.Gap,
                firstSolutionSeconds = result.FirstSolutionSeconds,
                seconds = result.Seconds,
                trajectory = result.Trajectory,
                hardViolations = result.Validation.HardCount,
                uncoveredMinimum = result.UncoveredMinimum,
                changes,
                continuity,
                diagnosis = result.Diagnosis,
            }, JsonDefaults.Options));
        }
        else
        {
            output.WriteLine($"Status {JsonNames.Of(result.Status)}; objective {Format(result.Objective.Total)}, bound {Format(result.Bound)}, gap {(result.Gap is { } g ? g.ToString("0.00%", CultureInfo.InvariantCulture) : "-")}; first rota at {Format(result.FirstSolutionSeconds)} s, {result.Seconds:0.0} s in all.");
            if (changes is not null)
            {
                output.WriteLine($"Changes to the published rota: {changes} assignment(s) added or taken away.");
            }

            output.WriteLine($"Continuity: mean {continuity.Mean:0.00}, weighted {continuity.WeightedMean:0.00}, lowest child {continuity.Min:0.00}; {continuity.DistinctPerWeek:0.00} caregivers per child per week; key person on {continuity.KeyPersonDays:0%} of days.");
            output.WriteLine($"Validator: {result.Validation.HardCount} hard, {result.Validation.SoftCount} soft violations. Rota written to {outPath}.");

            foreach (var line in result.Diagnosis)
            {
                output.WriteLine(line);
            }
        }

        // As validate does: 0 only when the rota breaks no hard rule and leaves no post uncovered.
        return result.Validation.IsValid ? ExitCodes.Ok : ExitCodes.HardViolations;
    }

    /// <summary>The solve options of a command line: --time-limit, --gap, --threads, --seed, --deterministic.</summary>
    public static SolveOptions Options(Arguments arguments) => new()
    {
        TimeLimit = TimeSpan.FromSeconds(Number(arguments, "--time-limit", 60, min: 1)),
        RelativeGap = Number(arguments, "--gap", 0, min: 0),
        Threads = (int)Number(arguments, "--threads", 0, min: 1),
        Seed = (int)Number(arguments, "--seed", 1, min: 1),
        Deterministic = arguments.Has("--deterministic"),
    };

    /// <summary>Assignments in one rota and not the other, both ways.</summary>
    public static int Changes(Rota before, Rota after)
    {
        var a = before.Assignments.ToHashSet();
        var b = after.Assignments.ToHashSet();
        return a.Count(x => !b.Contains(x)) + b.Count(x => !a.Contains(x));
    }

    private static double Number(Arguments arguments, string name, double fallback, double min)
    {
        var text = arguments.Option(name);
        if (text is null)
        {
            return fallback;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min
            ? value
            : throw new UsageException($"{name} takes a number of at least {min.ToString(CultureInfo.InvariantCulture)}, not '{text}'.");
    }

    private static string Format(double? value) => value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : "-";
}
