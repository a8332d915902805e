using System.CommandLine;
using System.CommandLine.Invocation;

namespace ContinuityScheduler.Cli;

/// <summary>The parser's help, and after the root's the notes that hold for every command (exit codes, --deterministic).</summary>
internal sealed class HelpWithEpilogue(SynchronousCommandLineAction help, RootCommand root) : SynchronousCommandLineAction
{
    public override bool ClearsParseErrors => help.ClearsParseErrors;

    public override int Invoke(ParseResult parseResult)
    {
        var code = help.Invoke(parseResult);
        if (parseResult.CommandResult.Command == root)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(CliApp.Epilogue);
        }

        return code;
    }
}
