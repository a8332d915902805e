using System.CommandLine;
using System.CommandLine.Parsing;

namespace ContinuityScheduler.Cli;

/// <summary>The parser's errors told as one line: the most telling error and where the command's help is.</summary>
public static class ParseErrors
{
    public static string OneLine(ParseResult parsed)
    {
        var error = parsed.Errors.OrderBy(e => Rank(parsed, e)).First();
        var message = string.Join(' ', error.Message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var command = parsed.CommandResult.Command is RootCommand ? "continuity" : $"continuity {parsed.CommandResult.Command.Name}";
        return $"{message} See '{command} --help'.";
    }

    // A bad value explains the tokens left over after it; an unknown word (a typo) explains what then looks missing.
    private static int Rank(ParseResult parsed, ParseError error) => error.SymbolResult switch
    {
        OptionResult { Tokens.Count: > 0 } or ArgumentResult { Tokens.Count: > 0 } => 0,
        _ when parsed.UnmatchedTokens.Any(t => error.Message.Contains($"'{t}'", StringComparison.Ordinal)) => 1,
        _ => 2,
    };
}
