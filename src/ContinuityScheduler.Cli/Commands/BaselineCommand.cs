using System.Text.Json;
using ContinuityScheduler.Domain.Baseline;
using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Domain.Rules;

namespace ContinuityScheduler.Cli.Commands;

public static class BaselineCommand
{
    public static int Run(string[] args, TextWriter output)
    {
        var arguments = new Arguments(args, ["--json"]);
        arguments.Only("--out");
        var problem = Documents.Problem(arguments.At(0, "PROBLEM"));
        var rota = HospitalWay.Generate(problem);
        Documents.Write(arguments.Required("--out"), DocumentWriter.Write(rota));
        var report = RotaValidator.Validate(problem, rota);
        if (arguments.Has("--json"))
        {
            output.WriteLine(JsonSerializer.Serialize(new { assignments = rota.Assignments.Count, report.HardCount, report.SoftCount }, JsonDefaults.Options));
        }
        else
        {
            output.WriteLine($"Wrote {rota.Assignments.Count} assignments to {arguments.Required("--out")}: {report.HardCount} hard and {report.SoftCount} soft violations.");
        }

        return ExitCodes.Ok;
    }
}
