using System.Text.Json;
using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Domain.Rules;

namespace ContinuityScheduler.Cli.Commands;

public static class ValidateCommand
{
    public static int Run(string[] args, TextWriter output)
    {
        var arguments = new Arguments(args, ["--json"]);
        arguments.Only();
        var problem = Documents.Problem(arguments.At(0, "PROBLEM"));
        var rota = Documents.Rota(arguments.At(1, "ROTA"), problem);
        var report = RotaValidator.Validate(problem, rota);
        if (arguments.Has("--json"))
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
