using System.CommandLine;
using System.Text.Json;
using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Domain.Rules;

namespace ContinuityScheduler.Cli.Commands;

public static class ValidateCommand
{
    public static Command Create()
    {
        var problemPath = CliOptions.File("PROBLEM", "the planning problem (JSON)");
        var rotaPath = CliOptions.File("ROTA", "the rota to check (JSON)");
        var json = CliOptions.Json();
        var command = new Command("validate", "list every rule the rota breaks; exit 1 when any hard rule is broken")
        {
            problemPath, rotaPath, json,
        };
        command.SetAction(result => Run(result.GetRequiredValue(problemPath), result.GetRequiredValue(rotaPath), result.GetValue(json), result.InvocationConfiguration.Output));
        return command;
    }

    public static int Run(string problemPath, string rotaPath, bool json, TextWriter output)
    {
        var problem = Documents.Problem(problemPath);
        var rota = Documents.Rota(rotaPath, problem);
        var report = RotaValidator.Validate(problem, rota);
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(new { valid = report.IsValid, hardCount = report.HardCount, softCount = report.SoftCount, violations = report.Violations, omitted = report.Omitted }, JsonDefaults.Options));
        }
        else
        {
            var table = new TextTable("severity", "code", "caregiver", "from", "to", "measured", "limit", "message");
            foreach (var v in report.Violations)
            {
                table.Add(JsonNames.Of(v.Severity), v.Code, v.CaregiverId, IsoText.Of(v.From), IsoText.Of(v.To), v.Measured, v.Limit, v.Message);
            }

            output.Write(table);
            output.WriteLine();
            output.WriteLine("By rule:");
            foreach (var rule in report.Violations.GroupBy(v => (v.Code, v.Severity)).OrderBy(g => g.Key.Severity).ThenByDescending(g => g.Count()))
            {
                output.WriteLine($"  {rule.Key.Code,-22} {JsonNames.Of(rule.Key.Severity),-5} {rule.Count(),5}");
            }

            foreach (var omitted in report.Omitted)
            {
                output.WriteLine($"  ({omitted.Count} more {omitted.Code} for {omitted.CaregiverId}, not listed)");
            }

            output.WriteLine(report.IsValid
                ? $"Valid: no hard violations, {report.SoftCount} soft."
                : $"Not valid: {report.HardCount} hard violations, {report.SoftCount} soft.");
        }

        return report.IsValid ? ExitCodes.Ok : ExitCodes.HardViolations;
    }
}
