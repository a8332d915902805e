using System.Text.Json;
using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Domain.Rules;

namespace ContinuityScheduler.Cli.Commands;

public static class RulesCommand
{
    public static int Run(string[] args, TextWriter output)
    {
        var arguments = new Arguments(args, ["--json"]);
        arguments.Only();
        if (arguments.Has("--json"))
        {
            output.WriteLine(JsonSerializer.Serialize(RuleSet.Definitions, JsonDefaults.Options));
            return ExitCodes.Ok;
        }

        var table = new TextTable("code", "severity", "limit", "unit", "weeks", "checks");
        foreach (var rule in RuleSet.Definitions)
        {
            table.Add(rule.Code, JsonNames.Of(rule.Defaults.Severity), rule.Defaults.Limit, rule.Unit, rule.Defaults.Weeks, rule.Description);
        }

        output.Write(table);
        return ExitCodes.Ok;
    }
}
