using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Domain.Rules;

namespace ContinuityScheduler.Cli.Tests;

/// <summary>
/// Ctrl+C (SIGINT) or SIGTERM during a solve stops the search, not the program: the best rota so far is written. Before,
/// CP-SAT's own SIGINT handler aborted the process (SIGABRT) and SIGTERM ended it with nothing written.
/// </summary>
public sealed partial class InterruptTests
{
    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task A_solve_stopped_by_a_signal_writes_the_best_rota_found_so_far(string signal)
    {
        var rotaPath = RepoFiles.Scratch($"interrupted-{signal}-rota.json");
        File.Delete(rotaPath);
        // A shell running the tests in the background hands its children SIGINT ignored: env gives the program the default back.
        var info = new ProcessStartInfo("env") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { $"--default-signal={signal}", "dotnet", Path.Combine(AppContext.BaseDirectory, "continuity.dll"), "solve", RepoFiles.Sample("baby-home"), "--out", rotaPath, "--time-limit", "600" })
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = new List<string>();
        // Waits until the search has bettered the first rota twice (so the engine is searching), then asks the program to stop.
        var improvements = 0;
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            output.Add(line);
            if (line.Contains("incumbent", StringComparison.Ordinal) && ++improvements == 3)
            {
                break;
            }
        }

        using (var kill = Process.Start("kill", [$"-{signal}", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        output.AddRange((await process.StandardOutput.ReadToEndAsync()).Split('\n'));
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));

        process.ExitCode.Should().Be(ExitCodes.Ok, string.Join('\n', output) + await error);
        (await error).Should().Contain($"Stopped early (interrupted): the best rota found in").And.Contain($"is written to {rotaPath}.");
        var seconds = output.Select(l => InAll().Match(l)).Single(m => m.Success).Groups[1].Value;
        double.Parse(seconds, CultureInfo.InvariantCulture).Should().BeLessThan(600, "the search stopped at the signal, not at its time limit");
        var problem = ProblemReader.Read(File.ReadAllText(RepoFiles.Sample("baby-home"))).Value!;
        var rota = RotaReader.Read(File.ReadAllText(rotaPath), problem).Value!;
        RotaValidator.Validate(problem, rota).HardCount.Should().Be(0, "the best rota so far covers every post of baby-home within the rules");
    }

    [GeneratedRegex(@"([0-9.]+) s in all\.")]
    private static partial Regex InAll();
}
