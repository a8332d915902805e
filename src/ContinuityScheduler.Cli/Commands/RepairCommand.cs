using System.CommandLine;

namespace ContinuityScheduler.Cli.Commands;

public static class RepairCommand
{
    public static Command Create()
    {
        var problemPath = CliOptions.File("PROBLEM", "the planning problem (JSON)");
        var rotaPath = CliOptions.File("ROTA", "the published rota (JSON)");
        var absent = CliOptions.Text("--absent", "CAREGIVER", "the caregiver who cannot work", required: true);
        var from = CliOptions.Date("--from", "the first day of the absence", required: true);
        var to = CliOptions.Date("--to", "the last day of the absence; the horizon's end when not given", required: false);
        var shared = new SolveArguments();
        var command = new Command("repair", "a valid rota after a caregiver falls ill, changing the published one as little as possible; exit codes as solve")
        {
            problemPath, rotaPath, absent, from, to,
        };
        shared.AddTo(command);
        // A task of its own, so that on Ctrl+C the program can wait for it (Interrupt.Grace), not block inside it.
        command.SetAction((result, cancellation) => Task.Run(() =>
        {
            var problem = Documents.Problem(result.GetRequiredValue(problemPath));
            var published = Documents.Rota(result.GetRequiredValue(rotaPath), problem);
            var caregiver = result.GetRequiredValue(absent);
            if (!problem.CaregiversById.ContainsKey(caregiver))
            {
                throw new UsageException($"--absent names no caregiver of the problem: '{caregiver}'.");
            }

            var first = result.GetValue(from)!.Value;
            var last = result.GetValue(to) ?? problem.Horizon.End;
            if (last < first)
            {
                throw new UsageException("--to comes before --from.");
            }

            var settings = new SolveCommand.Settings(result.GetRequiredValue(shared.Out), shared.Options(result), result.GetValue(shared.Json), "Repairing");
            return SolveCommand.Execute(settings, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, (solver, options, progress) => solver.RepairAsync(problem, published, caregiver, first, last, options, progress, cancellation), problem, published, cancellation);
        }, CancellationToken.None));
        return command;
    }
}
