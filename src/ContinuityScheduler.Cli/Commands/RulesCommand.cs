using System.CommandLine;
using System.Text.Json;
using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Domain.Rules;

namespace ContinuityScheduler.Cli.Commands;

public static class RulesCommand
{
    public static Command Create()
    {
        var json = CliOptions.Json();
        var command = new Command("rules", "the rule set: codes, what they check, default limits") { json };
        command.SetAction(result => Run(result.GetValue(json), result.InvocationConfiguration.Output));
        return command;
    }

    public static int Run(bool json, TextWriter output)
    {
        if (json)
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
