using Spectre.Console;

namespace ContinuityScheduler.Cli.Display;

/// <summary>Chooses a live bar when the writer is a terminal, so scripts and redirected output keep the plain lines.</summary>
public static class SolveViews
{
    public static ISolveView For(TextWriter writer, bool announce, bool everyImprovement) =>
        Terminal(writer) is { } console ? new LiveSolveView(console) : new PlainSolveView(writer, announce, everyImprovement);

    /// <summary>The console behind the writer when it is stdout or stderr, not redirected, and interactive; else null.</summary>
    public static IAnsiConsole? Terminal(TextWriter writer)
    {
        var redirected = ReferenceEquals(writer, Console.Out) ? Console.IsOutputRedirected
            : !ReferenceEquals(writer, Console.Error) || Console.IsErrorRedirected;
        if (redirected)
        {
            return null;
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });
        return console.Profile.Capabilities.Interactive ? console : null;
    }
}
