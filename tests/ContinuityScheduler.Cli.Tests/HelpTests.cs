using System.Text.RegularExpressions;

namespace ContinuityScheduler.Cli.Tests;

/// <summary>`--help` for the root and each command, checked against the README's command table both ways.</summary>
public partial class HelpTests
{
    public static TheoryData<string> DocumentedCommands() => [.. ReadmeCommands().Keys];

    [Fact]
    public void The_root_help_lists_every_documented_command_and_the_exit_codes()
    {
        ReadmeCommands().Keys.Should().BeEquivalentTo(CliApp.Create().Subcommands.Select(c => c.Name), "the README's table has a row for every command");
        foreach (var args in new[] { new[] { "--help" }, ["help"] })
        {
            var run = CliRun.Of(args);

            run.ExitCode.Should().Be(ExitCodes.Ok);
            run.Error.Should().BeEmpty();
            foreach (var command in ReadmeCommands().Keys)
            {
                run.Output.Should().MatchRegex($@"(?m)^\s+{command}\b", $"`continuity {string.Join(' ', args)}` lists {command}");
            }

            run.Output.Should().Contain("Exit codes: 0 done");
        }
    }

    [Fact]
    public void No_command_prints_the_help_and_exits_2()
    {
        var run = CliRun.Of();

        run.ExitCode.Should().Be(ExitCodes.BadInput);
        run.Output.Should().Contain("Usage:").And.Contain("solve");
    }

    [Theory]
    [MemberData(nameof(DocumentedCommands))]
    public void A_commands_help_lists_exactly_the_options_the_readme_gives_it(string command)
    {
        var run = CliRun.Of(command, "--help");

        run.ExitCode.Should().Be(ExitCodes.Ok);
        run.Output.Should().Contain($"continuity {command}");
        var listed = OptionName().Matches(OptionsSection(run.Output)).Select(m => m.Value).Except(["--help"]).ToHashSet();
        listed.Should().BeEquivalentTo(ReadmeCommands()[command], $"`continuity {command} --help` and the README agree");
    }

    [Fact]
    public void Help_for_a_command_also_answers_to_the_help_word()
    {
        var viaWord = CliRun.Of("help", "repair");
        var viaOption = CliRun.Of("repair", "--help");

        viaWord.ExitCode.Should().Be(ExitCodes.Ok);
        viaWord.Output.Should().Be(viaOption.Output).And.Contain("--absent");
    }

    /// <summary>Each row of the README's command table: the command and the options its synopsis names.</summary>
    private static Dictionary<string, HashSet<string>> ReadmeCommands()
    {
        var readme = File.ReadAllText(Path.Combine(RepoFiles.Root, "README.md"));
        return TableRow().Matches(readme).ToDictionary(
            m => m.Groups["command"].Value,
            m => OptionName().Matches(m.Groups["synopsis"].Value).Select(o => o.Value).ToHashSet());
    }

    private static string OptionsSection(string help) => help[help.IndexOf("Options:", StringComparison.Ordinal)..];

    [GeneratedRegex(@"(?m)^\| `(?<command>[a-z][a-z-]*)(?<synopsis>(?: [^`]*)?)` \|")]
    private static partial Regex TableRow();

    [GeneratedRegex(@"(?<![\w-])--[a-z][a-z-]*")]
    private static partial Regex OptionName();
}
