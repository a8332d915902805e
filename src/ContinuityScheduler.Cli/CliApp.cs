using ContinuityScheduler.Cli.Commands;

namespace ContinuityScheduler.Cli;

/// <summary>Dispatches a command line to its command; usage and input errors exit with 2 and say what is wrong.</summary>
public static class CliApp
{
    public const string Usage = """
        continuity — builds and judges rotas for children's homes

          baseline PROBLEM --out ROTA [--json]   write the hospital-way rota (caregivers rotated across all groups)
          solve PROBLEM --out ROTA [--time-limit S] [--gap G] [--threads N] [--seed N] [--deterministic] [--json]
                                                 the rota with the most continuity within the rules (OR-Tools CP-SAT);
                                                 always writes a rota: when no rota keeps every rule, the one that breaks least
          repair PROBLEM ROTA --absent CAREGIVER --from DATE [--to DATE] --out ROTA [--time-limit S] [--deterministic] [--json]
                                                 a valid rota after a caregiver falls ill, changing as little as possible
          advise PROBLEM --candidates CANDIDATES [--by count|cost] [--time-limit S] [--deterministic] [--json] [--out ROTA]
                                                 the fewest (or cheapest) hires among the candidates that leave no post uncovered
          validate PROBLEM ROTA [--json]         list the rules the rota breaks; exit 1 when any hard rule is broken
          score PROBLEM ROTA [--json]            each child's continuity score and its parts, then groups and institution
          compare BASE SCENARIO... [--time-limit S] [--threads N] [--out REPORT.md|.html]
                                                 solve each scenario of the base and compare them with the base's hospital way
          rules [--json]                         the rule set: codes, what they check, default limits
          sample NAME --out PROBLEM              write a sample home (small-home, baby-home, regional, dst-week)

        --deterministic: the same rota on any machine; the time limit then counts the engine's work units, not seconds.
        Exit codes: 0 done, 1 the rota breaks a hard rule or leaves a post uncovered (validate, solve, repair, advise),
        2 bad command line or input document.
        """;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            if (args.Length == 0 || args[0] is "help" or "--help" or "-h")
            {
                output.WriteLine(Usage);
                return args.Length == 0 ? ExitCodes.BadInput : ExitCodes.Ok;
            }

            var rest = args[1..];
            return args[0] switch
            {
                "baseline" => BaselineCommand.Run(rest, output),
                "solve" => SolveCommand.Run(rest, output, error),
                "repair" => RepairCommand.Run(rest, output, error),
                "advise" => AdviseCommand.Run(rest, output, error),
                "validate" => ValidateCommand.Run(rest, output),
                "score" => ScoreCommand.Run(rest, output),
                "compare" => CompareCommand.Run(rest, output, error),
                "rules" => RulesCommand.Run(rest, output),
                "sample" => SampleCommand.Run(rest, output),
                _ => throw new UsageException($"Unknown command '{args[0]}'."),
            };
        }
        catch (UsageException e)
        {
            error.WriteLine($"error: {e.Message}");
            error.WriteLine(Usage);
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
