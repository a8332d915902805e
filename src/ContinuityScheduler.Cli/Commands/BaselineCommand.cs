using System.CommandLine;
using System.Text.Json;
using ContinuityScheduler.Domain.Baseline;
using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Domain.Rules;

namespace ContinuityScheduler.Cli.Commands;

public static class BaselineCommand
{
    public static Command Create()
    {
        var problemPath = CliOptions.File("PROBLEM", "the planning problem (JSON)");
        var outPath = CliOptions.Out("ROTA", "where to write the rota");
        var json = CliOptions.Json();
        var command = new Command("baseline", "write the hospital-way rota: caregivers rotated evenly across all groups, keeping the hard rules where it can")
        {
            problemPath, outPath, json,
        };
        command.SetAction(result => Run(result.GetRequiredValue(problemPath), result.GetRequiredValue(outPath), result.GetValue(json), result.InvocationConfiguration.Output));
        return command;
    }

    public static int Run(string problemPath, string outPath, bool json, TextWriter output)
    {
        var problem = Documents.Problem(problemPath);
        var rota = HospitalWay.Generate(problem);
        Documents.Write(outPath, DocumentWriter.Write(rota));
        var report = RotaValidator.Validate(problem, rota);
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(new { assignments = rota.Assignments.Count, report.HardCount, report.SoftCount }, JsonDefaults.Options));
        }
        else
        {
            output.WriteLine($"Wrote {rota.Assignments.Count} assignments to {outPath}: {report.HardCount} hard and {report.SoftCount} soft violations.");
        }

        return ExitCodes.Ok;
    }
}
