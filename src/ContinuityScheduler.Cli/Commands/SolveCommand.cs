using System.CommandLine;
using System.Text.Json;
using ContinuityScheduler.Cli.Display;
using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Scoring;
using ContinuityScheduler.Solver;
using ContinuityScheduler.Solver.Engine;

namespace ContinuityScheduler.Cli.Commands;

public static class SolveCommand
{
    public static Command Create()
    {
        var problemPath = CliOptions.File("PROBLEM", "the planning problem (JSON)");
        var shared = new SolveArguments();
        var command = new Command("solve", "the rota with the most continuity within the rules (OR-Tools CP-SAT); always writes a rota: when no rota keeps every rule, the one that breaks least. Exit 0 when it keeps every hard rule and covers every post, 1 when not, 2 on bad input")
        {
            problemPath,
        };
        shared.AddTo(command);
        // A task of its own, so that on Ctrl+C the program can wait for it (Interrupt.Grace), not block inside it.
        command.SetAction((result, cancellation) => Task.Run(() =>
        {
            var problem = Documents.Problem(result.GetRequiredValue(problemPath));
            var settings = new Settings(result.GetRequiredValue(shared.Out), shared.Options(result), result.GetValue(shared.Json), "Solving");
            return Execute(settings, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, (solver, options, progress) => solver.SolveAsync(problem, options, progress, cancellation), problem, null, cancellation);
        }, CancellationToken.None));
        return command;
    }

    /// <summary>What a solve or a repair was asked for on the command line; <paramref name="Title"/> heads its progress bar.</summary>
    public sealed record Settings(string OutPath, SolveOptions Options, bool Json, string Title);

    /// <summary>Runs a solve or a repair with the command line's options, shows its progress, prints its result, writes the rota (the best so far when interrupted).</summary>
    public static int Execute(Settings settings, TextWriter output, TextWriter error, Func<RotaSolver, SolveOptions, IProgress<SolveProgress>?, Task<SolveResult>> solve, PlanningProblem problem, Rota? published, CancellationToken cancellation)
    {
        var (outPath, options, json, title) = settings;
        // In --json mode stdout carries only the result, so progress goes to stderr.
        var view = SolveViews.For(json ? error : output, announce: false, everyImprovement: true);

        SolveResult result;
        try
        {
            var solver = new RotaSolver(DefaultEngine.Create());
            result = view.RunAsync(title, options.TimeLimit, progress => solve(solver, options, progress)).GetAwaiter().GetResult();
        }
        catch (EngineUnavailableException e)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }

        Documents.Write(outPath, DocumentWriter.Write(result.Rota));
        Interrupt.Notice(error, cancellation, $"the best rota found in {result.Seconds:0.0} s is written to {outPath}");
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
            output.WriteLine($"Status {JsonNames.Of(result.Status)}; objective {Numbers.Format(result.Objective.Total)}, bound {Numbers.Format(result.Bound)}, gap {Numbers.Gap(result.Gap)}; first rota at {Numbers.Format(result.FirstSolutionSeconds)} s, {result.Seconds:0.0} s in all.");
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

    /// <summary>Assignments in one rota and not the other, both ways.</summary>
    public static int Changes(Rota before, Rota after)
    {
        var a = before.Assignments.ToHashSet();
        var b = after.Assignments.ToHashSet();
        return a.Count(x => !b.Contains(x)) + b.Count(x => !a.Contains(x));
    }
}
