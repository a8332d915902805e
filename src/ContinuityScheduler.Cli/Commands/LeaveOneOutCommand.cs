using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Solver;
using ContinuityScheduler.Solver.Advice;
using ContinuityScheduler.Solver.Engine;

namespace ContinuityScheduler.Cli.Commands;

/// <summary>
/// <c>leave-one-out PROBLEM --rota ROTA</c>: for each caregiver, the rota repaired without them over the horizon, and in
/// words what the home loses: uncovered person-shifts, the group that loses most, the children whose scores fall most.
/// </summary>
public static class LeaveOneOutCommand
{
    /// <summary>Seconds each caregiver's repair gets when --time-limit is not given.</summary>
    public const double SecondsPerCaregiver = 10;

    public static Command Create()
    {
        var problemPath = CliOptions.File("PROBLEM", "the planning problem (JSON)");
        var rotaPath = CliOptions.Text("--rota", "ROTA", "the rota to start from, such as the published one (JSON)", required: true);
        var caregivers = CliOptions.Text("--caregivers", "ID,ID", "the caregivers to leave out one at a time; every caregiver when not given", required: false);
        var timeLimit = CliOptions.Number("--time-limit", "S", $"seconds in all, shared equally by the caregivers' repairs; {SecondsPerCaregiver:0} per caregiver when not given (work units with --deterministic)", 0, min: 1);
        var threads = CliOptions.Number("--threads", "N", "engine workers; by the problem's size when not given", 0, min: 1);
        var seed = CliOptions.Number("--seed", "N", "the engine's random seed", 1, min: 1);
        var deterministic = CliOptions.Flag("--deterministic", "the same answer on any machine under any load (one worker; the time limit counts work units)");
        var json = CliOptions.Json();
        var outPath = CliOptions.Out("FILE", "also write the result as JSON to FILE", required: false);
        var command = new Command("leave-one-out", "for each caregiver, the rota repaired without them over the horizon (fewest changes): uncovered person-shifts, the group that loses most, the children whose scores fall most, most harmful first; exit 0 when done, 2 on bad input")
        {
            problemPath, rotaPath, caregivers, timeLimit, threads, seed, deterministic, json, outPath,
        };
        // A task of its own, so that on Ctrl+C the program can wait for it (Interrupt.Grace), not block inside it.
        command.SetAction((result, cancellation) => Task.Run(() =>
        {
            var problem = Documents.Problem(result.GetRequiredValue(problemPath));
            var rota = Documents.Rota(result.GetRequiredValue(rotaPath), problem);
            var ids = Caregivers(result.GetValue(caregivers), problem);
            var seconds = result.GetValue(timeLimit);
            var options = new LeaveOneOutOptions
            {
                Caregivers = ids,
                Solve = new SolveOptions
                {
                    TimeLimit = TimeSpan.FromSeconds(seconds > 0 ? seconds : SecondsPerCaregiver * (ids?.Count ?? problem.Caregivers.Count)),
                    Threads = (int)result.GetValue(threads),
                    Seed = (int)result.GetValue(seed),
                    Deterministic = result.GetValue(deterministic),
                },
            };
            return Run(problem, rota, options, result.GetValue(outPath), result.GetValue(json), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, cancellation);
        }, CancellationToken.None));
        return command;
    }

    /// <summary>The ids of --caregivers, each one the problem's; null for every caregiver.</summary>
    private static List<string>? Caregivers(string? text, PlanningProblem problem)
    {
        if (text is null)
        {
            return null;
        }

        var ids = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            throw new UsageException("--caregivers names no caregiver.");
        }

        var unknown = ids.Where(id => !problem.CaregiversById.ContainsKey(id)).ToList();
        return unknown.Count == 0 ? ids : throw new UsageException($"--caregivers names no caregiver of the problem: '{string.Join("', '", unknown)}'.");
    }

    private static int Run(PlanningProblem problem, Rota rota, LeaveOneOutOptions options, string? outPath, bool json, TextWriter output, TextWriter error, CancellationToken cancellation)
    {
        // In --json mode stdout carries only the result, so progress goes to stderr.
        var progressWriter = json ? error : output;
        var count = options.Caregivers?.Count ?? problem.Caregivers.Count;
        progressWriter.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Leaving out {count} caregiver(s) one at a time, {options.Solve.TimeLimit.TotalSeconds:0} s in all ..."));
        var done = 0;
        LeaveOneOutResult result;
        try
        {
            result = new LeaveOneOutSolver(DefaultEngine.Create())
                .LeaveOneOutAsync(problem, rota, options, new Listener(r => progressWriter.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {++done}/{count} without {r.CaregiverId}: {r.Seconds:0.0} s"))), cancellation)
                .GetAwaiter().GetResult();
        }
        catch (EngineUnavailableException e)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }

        var document = JsonSerializer.Serialize(result, JsonDefaults.Options);
        if (outPath is not null)
        {
            Documents.Write(outPath, document);
        }

        Interrupt.Notice(error, cancellation, $"{result.Caregivers.Count} caregiver(s) reported, the last perhaps cut short");

        if (json)
        {
            output.WriteLine(document);
        }
        else
        {
            Print(result, output);
        }

        return ExitCodes.Ok;
    }

    private static void Print(LeaveOneOutResult result, TextWriter output)
    {
        output.WriteLine(LeaveOneOutWords.Before(result));
        output.WriteLine("Most harmful first (▲ under three):");
        foreach (var r in result.Caregivers)
        {
            output.WriteLine(LeaveOneOutWords.Line(r));
        }

        output.WriteLine(LeaveOneOutWords.Summary(result));
    }

    /// <summary>Reports on the solver's own thread, in order: the lines come as each caregiver is done.</summary>
    private sealed class Listener(Action<LeaveOneOutCaregiver> report) : IProgress<LeaveOneOutCaregiver>
    {
        public void Report(LeaveOneOutCaregiver value) => report(value);
    }
}
