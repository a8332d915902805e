using System.Text.RegularExpressions;
using ContinuityScheduler.Cli.Display;
using ContinuityScheduler.Solver;
using Spectre.Console.Testing;

namespace ContinuityScheduler.Cli.Tests;

/// <summary>A live bar only on a terminal; redirected, solve prints the plain progress lines scripts read.</summary>
public partial class SolveDisplayTests
{
    [Fact]
    public async Task Solve_with_output_redirected_prints_plain_progress_lines_and_no_escape_codes()
    {
        var rotaPath = RepoFiles.Scratch("rota.json");

        var run = await ProgramRun.OfAsync("solve", RepoFiles.Sample("small-home"), "--out", rotaPath, "--time-limit", "2", "--deterministic");

        run.ExitCode.Should().Be(ExitCodes.Ok, run.Error);
        (run.Output + run.Error).Should().NotContain("\u001b");
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.Should().Contain(l => l.StartsWith("Status ", StringComparison.Ordinal));
        var progress = lines.Where(l => !Summary().IsMatch(l)).ToList();
        progress.Should().NotBeEmpty().And.OnlyContain(l => ProgressLine().IsMatch(l), "every other line is a plain progress line");
    }

    [Fact]
    public void A_writer_that_is_not_the_console_gets_the_plain_view()
    {
        SolveViews.Terminal(new StringWriter()).Should().BeNull();
        SolveViews.For(new StringWriter(), announce: true, everyImprovement: true).Should().BeOfType<PlainSolveView>();
    }

    [Fact]
    public async Task The_plain_view_announces_when_asked_and_prints_each_improvement_when_asked()
    {
        var writer = new StringWriter();
        var view = new PlainSolveView(writer, announce: true, everyImprovement: false);

        var result = await view.RunAsync("Solving 'x' (5 s)", TimeSpan.FromSeconds(5), progress => Task.FromResult(progress is null));

        result.Should().BeTrue("compare's plain form reports no improvements, as before");
        writer.ToString().Should().Be($"Solving 'x' (5 s) ...{Environment.NewLine}");
    }

    [Fact]
    public async Task The_live_view_shows_the_last_incumbent_bound_and_gap_and_a_full_bar_at_the_end()
    {
        var console = new TestConsole().Interactive().Width(160);
        var report = new SolveProgress(1.5, 120.5, 100);

        var result = await new LiveSolveView(console).RunAsync("Solving [home]", TimeSpan.FromSeconds(10), progress =>
        {
            progress!.Report(report);
            return Task.FromResult(42);
        });

        result.Should().Be(42);
        console.Output.Should().Contain($"Solving [home]: incumbent {Numbers.Format(report.Incumbent)}  bound {Numbers.Format(report.Bound)}  gap {Numbers.Gap(report.Gap)}")
            .And.Contain("100%");
    }

    [GeneratedRegex(@"^(Status|Continuity:|Validator:|Changes to)")]
    private static partial Regex Summary();

    [GeneratedRegex(@"^\d+\.\d s  incumbent (-|[\d.]+)  bound (-|[\d.]+)  gap (-|[\d.]+%)$")]
    private static partial Regex ProgressLine();
}
