namespace ContinuityScheduler.Cli.Tests;

/// <summary>A wrong command line gets one line on stderr naming what is wrong, exit code 2, and no command runs.</summary>
public class ParseErrorTests
{
    public static TheoryData<string> Commands() => ["baseline", "solve", "repair", "leave-one-out", "validate", "score", "compare", "rules", "sample"];

    [Theory]
    [MemberData(nameof(Commands))]
    public void An_unknown_option_exits_2_with_one_line_naming_it(string command)
    {
        var run = CliRun.Of(command, "--frobnicate");

        run.ExitCode.Should().Be(ExitCodes.BadInput);
        OneLine(run.Error).Should().StartWith("error: ").And.Contain("'--frobnicate'").And.Contain($"continuity {command} --help");
        run.Output.Should().BeEmpty();
    }

    [Theory]
    [InlineData("PROBLEM", "validate")]
    [InlineData("ROTA", "score", "problem.json")]
    [InlineData("SCENARIO", "compare", "base.json")]
    [InlineData("--absent", "repair", "problem.json", "rota.json", "--from", "2026-12-07", "--out", "x.json")]
    [InlineData("--from", "repair", "problem.json", "rota.json", "--absent", "anna", "--out", "x.json")]
    [InlineData("--rota", "leave-one-out", "problem.json")]
    public void A_missing_argument_or_option_is_named(string missing, params string[] args)
    {
        var run = CliRun.Of(args);

        run.ExitCode.Should().Be(ExitCodes.BadInput);
        OneLine(run.Error).Should().Contain(missing);
    }

    [Theory]
    [InlineData("--time-limit", "solve", "p.json", "--out", "r.json", "--time-limit", "soon")]
    [InlineData("--gap", "solve", "p.json", "--out", "r.json", "--gap", "-1")]
    [InlineData("--threads", "compare", "base.json", "s.json", "--threads", "many")]
    [InlineData("--from", "repair", "p.json", "r.json", "--absent", "anna", "--from", "2026-13-01", "--out", "x.json")]
    [InlineData("NAME", "sample", "castle", "--out", "x.json")]
    [InlineData("--seed", "leave-one-out", "p.json", "--rota", "r.json", "--seed", "none")]
    public void A_bad_value_is_named(string named, params string[] args)
    {
        var run = CliRun.Of(args);

        run.ExitCode.Should().Be(ExitCodes.BadInput);
        OneLine(run.Error).Should().Contain(named.StartsWith("--", StringComparison.Ordinal) ? named : args[1]);
    }

    [Fact]
    public void An_option_followed_by_another_option_has_no_value_rather_than_a_file_named_after_it()
    {
        var folder = Path.GetDirectoryName(RepoFiles.Scratch("x"))!;

        var run = CliRun.Of("baseline", RepoFiles.Sample("small-home"), "--out", "--json");

        run.ExitCode.Should().Be(ExitCodes.BadInput);
        OneLine(run.Error).Should().Contain("--out");
        File.Exists(Path.Combine(Environment.CurrentDirectory, "--json")).Should().BeFalse();
        Directory.EnumerateFileSystemEntries(folder).Should().BeEmpty();
    }

    [Fact]
    public void An_unknown_command_is_named()
    {
        var run = CliRun.Of("frobnicate");

        run.ExitCode.Should().Be(ExitCodes.BadInput);
        OneLine(run.Error).Should().Contain("'frobnicate'");
    }

    [Fact]
    public void Completion_suggests_the_options_and_values_a_command_takes()
    {
        var samples = CliRun.Of("[suggest:7]", "sample ");
        var options = CliRun.Of("[suggest:11]", "solve x --t");

        samples.ExitCode.Should().Be(ExitCodes.Ok);
        samples.Output.Split('\n', StringSplitOptions.TrimEntries).Should().Contain(RepoFiles.SampleNames).And.Contain("--out");
        options.Output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Should().BeEquivalentTo(["--threads", "--time-limit"]);
    }

    private static string OneLine(string error)
    {
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().ContainSingle("a parse error is one line, not the whole usage");
        return lines[0];
    }
}
