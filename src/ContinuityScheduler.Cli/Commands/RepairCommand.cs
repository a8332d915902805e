using ContinuityScheduler.Domain.Json;
using NodaTime.Text;

namespace ContinuityScheduler.Cli.Commands;

public static class RepairCommand
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var arguments = new Arguments(args, ["--json", "--deterministic"]);
        arguments.Only("--absent", "--from", "--to", "--out", "--time-limit", "--gap", "--threads", "--seed");
        var problem = Documents.Problem(arguments.At(0, "PROBLEM"));
        var published = Documents.Rota(arguments.At(1, "ROTA"), problem);
        var caregiver = arguments.Required("--absent");
        if (!problem.CaregiversById.ContainsKey(caregiver))
        {
            throw new UsageException($"--absent names no caregiver of the problem: '{caregiver}'.");
        }

        var from = Date(arguments.Required("--from"), "--from");
        var to = arguments.Option("--to") is { } text ? Date(text, "--to") : problem.Horizon.End;
        if (to < from)
        {
            throw new UsageException("--to comes before --from.");
        }

        var outPath = arguments.Required("--out");
        return SolveCommand.Execute(arguments, output, error, outPath, (solver, options, progress) => solver.RepairAsync(problem, published, caregiver, from, to, options, progress), problem, published);
    }

    private static NodaTime.LocalDate Date(string text, string option)
    {
        var result = LocalDatePattern.Iso.Parse(text);
        return result.Success ? result.Value : throw new UsageException($"{option} takes an ISO date such as 2026-12-07, not '{text}'.");
    }
}
