using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ContinuityScheduler.Domain.Advice;
using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Solver;
using ContinuityScheduler.Solver.Advice;
using ContinuityScheduler.Solver.Engine;

namespace ContinuityScheduler.Cli.Commands;

/// <summary>
/// <c>advise PROBLEM --candidates FILE</c>: the fewest (or cheapest) hires among the candidates that leave no post
/// uncovered and reach the score bounds given, the status of that answer in words, the figures before and after, and the rota with the hires.
/// </summary>
public static class AdviseCommand
{
    public static Command Create()
    {
        var problemPath = CliOptions.File("PROBLEM", "the planning problem (JSON)");
        var candidatesPath = CliOptions.Text("--candidates", "CANDIDATES", "the candidate hires (JSON, docs/formats.md)", required: true);
        var by = new Option<string>("--by") { Description = "the fewest hires (count) or the cheapest (cost)", HelpName = "count|cost", DefaultValueFactory = _ => "count" };
        by.AcceptOnlyFromAmong("count", "cost");
        var target = new AdviceTargetArguments();
        var shared = new SolveArguments(outRequired: false);
        var command = new Command("advise", "staffing advice: the fewest (or cheapest) hires among the candidates offered that leave no post uncovered (and reach the score bounds given), whether that is proven, and the figures before and after; exit 0 when the hires reach the target, 1 when not, 2 on bad input")
        {
            problemPath, candidatesPath, by,
        };
        target.AddTo(command);
        shared.AddTo(command);
        // A task of its own, so that on Ctrl+C the program can wait for it (Interrupt.Grace), not block inside it.
        command.SetAction((result, cancellation) => Task.Run(() =>
        {
            var problem = Documents.Problem(result.GetRequiredValue(problemPath));
            var candidates = Documents.Candidates(result.GetRequiredValue(candidatesPath), problem);
            var hiresBy = result.GetValue(by) == "cost" ? HiresBy.Cost : HiresBy.Count;
            var options = new AdviceOptions { Solve = shared.Options(result), By = hiresBy, Target = target.Target(result) };
            return Run(problem, candidates, options, result.GetValue(shared.Out), result.GetValue(shared.Json), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, cancellation);
        }, CancellationToken.None));
        return command;
    }

    private static int Run(PlanningProblem problem, IReadOnlyList<Candidate> candidates, AdviceOptions options, string? outPath, bool json, TextWriter output, TextWriter error, CancellationToken cancellation)
    {
        AdviceResult result;
        try
        {
            result = new AdviceSolver(DefaultEngine.Create()).AdviseAsync(problem, candidates, options, cancellation).GetAwaiter().GetResult();
        }
        catch (EngineUnavailableException e)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }

        if (outPath is not null)
        {
            Documents.Write(outPath, DocumentWriter.Write(result.Rota));
        }

        Interrupt.Notice(error, cancellation, $"the advice found in {result.Seconds:0.0} s is printed{(outPath is null ? "" : $" and its rota written to {outPath}")}");

        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(Json(result, options.By), JsonDefaults.Options));
        }
        else
        {
            Print(result, options.By, outPath, output);
        }

        var reached = result.Status is AdviceStatus.Proven or AdviceStatus.BestFound;
        return reached && result.TargetReached && result.Validation.IsValid ? ExitCodes.Ok : ExitCodes.HardViolations;
    }

    private static void Print(AdviceResult result, HiresBy by, string? outPath, TextWriter output)
    {
        if (AdviceWords.Headline(result) is { } headline)
        {
            output.WriteLine(headline);
            if (by == HiresBy.Cost)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Cost {result.HireCost:0.##} for {result.HireCount} hire(s)."));
            }
        }

        output.WriteLine(AdviceWords.StatusText(result, by));
        var before = result.UncoveredBefore is { } proven ? $"{proven:0} (the least the staff can leave, proven)" : $"{Uncovered(result.Before):0} (the plain solve's rota; its least not proven)";
        output.WriteLine($"Uncovered person-shifts: before {before}, after {result.UncoveredAfter:0}.");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Continuity (institution, weighted mean): before {result.ContinuityBefore.WeightedMean:0.00}, after {result.ContinuityAfter.WeightedMean:0.00}; lowest child {result.ContinuityBefore.Min:0.00} → {result.ContinuityAfter.Min:0.00}."));
        foreach (var line in TargetLines(result))
        {
            output.WriteLine(line);
        }

        var proof = result.ProvenSeconds is { } provenAt ? string.Create(CultureInfo.InvariantCulture, $"the answer proven after {provenAt:0.0} s, ") : "";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Validator on the home with the hires: {result.Validation.HardCount} hard, {result.Validation.SoftCount} soft violations; {proof}{result.Seconds:0.0} s in all."));
        if (outPath is not null)
        {
            var ids = result.Hires.SelectMany(h => h.CopyIds).ToList();
            output.WriteLine($"Rota written to {outPath}{(ids.Count > 0 ? $"; the hires appear as {string.Join(", ", ids)}" : "")}.");
        }

        foreach (var line in result.Diagnosis)
        {
            output.WriteLine(line);
        }
    }

    /// <summary>Each score bound set, with the scorer's figure before and after: "Lowest child 58.1 → 61.4 (target ≥ 60): reached."</summary>
    public static IEnumerable<string> TargetLines(AdviceResult result)
    {
        var (target, before, after) = (result.Target, result.ContinuityBefore, result.ContinuityAfter);
        if (target.LowestChildAtLeast is { } lowest)
        {
            yield return Line("Lowest child", before.Min, after.Min, "≥", lowest, after.Min >= lowest);
        }

        if (target.UnderThreesMeanAtLeast is { } underThrees)
        {
            yield return Line("Under-threes' mean", before.UnderThreeMean, after.UnderThreeMean, "≥", underThrees, after.UnderThreeMean >= underThrees);
        }

        if (target.DistinctPerWeekAtMost is { } distinct)
        {
            yield return Line("Most distinct caregivers per week (a child's mean)", result.MostDistinctPerWeekBefore, result.MostDistinctPerWeekAfter, "≤", distinct, result.MostDistinctPerWeekAfter <= distinct);
        }

        static string Line(string what, double before, double after, string sense, double bound, bool met) =>
            string.Create(CultureInfo.InvariantCulture, $"{what} {before:0.0} → {after:0.0} (target {sense} {bound:0.##}): {(met ? "reached" : "missed")}.");
    }

    private static double Uncovered(SolveResult result) =>
        RotaSolver.Shortfall(result.Validation);

    private static object Json(AdviceResult result, HiresBy by) => new
    {
        status = JsonNames.Of(result.Status),
        by = JsonNames.Of(by),
        hires = result.Hires.Select(h => new
        {
            candidate = h.Candidate.Id,
            like = h.Candidate.Like,
            hoursPerWeek = h.Candidate.Contract.HoursPerWeek,
            employmentType = JsonNames.Of(h.Candidate.Contract.EmploymentType),
            skills = h.Candidate.Skills.Order(StringComparer.Ordinal),
            allowedGroups = h.Candidate.AllowedGroups.Order(StringComparer.Ordinal),
            price = h.Candidate.Price,
            count = h.Count,
            caregiverIds = h.CopyIds,
        }),
        hireCount = result.HireCount,
        hireCost = result.HireCost,
        hiresBound = result.HiresBound,
        target = new
        {
            lowestChildAtLeast = result.Target.LowestChildAtLeast,
            underThreesMeanAtLeast = result.Target.UnderThreesMeanAtLeast,
            distinctPerWeekAtMost = result.Target.DistinctPerWeekAtMost,
        },
        targetReached = result.TargetReached,
        targetMisses = result.TargetMisses,
        mostDistinctPerWeekBefore = result.MostDistinctPerWeekBefore,
        mostDistinctPerWeekAfter = result.MostDistinctPerWeekAfter,
        uncoveredBefore = result.UncoveredBefore,
        uncoveredBeforeFound = Uncovered(result.Before),
        uncoveredAfter = result.UncoveredAfter,
        continuityBefore = result.ContinuityBefore,
        continuityAfter = result.ContinuityAfter,
        hardViolations = result.Validation.HardCount,
        seconds = result.Seconds,
        provenSeconds = result.ProvenSeconds,
        beforeSeconds = result.Before.Seconds,
        diagnosis = result.Diagnosis,
    };
}
