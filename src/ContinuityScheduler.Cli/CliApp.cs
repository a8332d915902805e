using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using ContinuityScheduler.Cli.Commands;

namespace ContinuityScheduler.Cli;

/// <summary>Parses a command line and runs its command; usage and input errors exit with 2 and say what is wrong.</summary>
public static class CliApp
{
    public const string Epilogue = """
        --deterministic: the same rota on any machine; the time limit then counts the engine's work units, not seconds.
        Exit codes: 0 done, 1 the rota breaks a hard rule or leaves a post uncovered (validate, solve, repair, advise),
        2 bad command line or input document.
        """;

    public static RootCommand Create()
    {
        var root = new RootCommand("continuity — builds and judges rotas for children's homes")
        {
            BaselineCommand.Create(),
            SolveCommand.Create(),
            RepairCommand.Create(),
            AdviseCommand.Create(),
            LeaveOneOutCommand.Create(),
            ValidateCommand.Create(),
            ScoreCommand.Create(),
            CompareCommand.Create(),
            HistoryCommand.Create(),
            RulesCommand.Create(),
            SampleCommand.Create(),
        };
        // The help's name is the program's, not the test host's or dotnet's when run as continuity.dll.
        root.HelpName = "continuity";
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new HelpWithEpilogue((SynchronousCommandLineAction)help.Action!, root);
        return root;
    }

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = Create();
        var invocation = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = Interrupt.Grace };
        if (args.Length == 0)
        {
            root.Parse(["--help"]).Invoke(invocation);
            return ExitCodes.BadInput;
        }

        // `continuity help solve` as `continuity solve --help`, as before the parser came.
        string[] line = args[0] == "help" ? [.. args[1..], "--help"] : args;
        // A file named @something is a file, not a response file.
        var parsed = root.Parse(line, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parsed.Action is ParseErrorAction)
        {
            error.WriteLine($"error: {ParseErrors.OneLine(parsed)}");
            return ExitCodes.BadInput;
        }

        try
        {
            // The asynchronous pipeline is the one that turns Ctrl+C and SIGTERM into the actions' cancellation.
            return parsed.InvokeAsync(invocation).GetAwaiter().GetResult();
        }
        catch (UsageException e)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (BadInputException e)
        {
            error.WriteLine($"error: {e.Message}");
            foreach (var problem in e.Errors)
            {
                error.WriteLine($"  {problem}");
            }

            return ExitCodes.BadInput;
        }
    }
}
