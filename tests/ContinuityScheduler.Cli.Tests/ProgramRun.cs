using System.Diagnostics;

namespace ContinuityScheduler.Cli.Tests;

/// <summary>Runs the built program, continuity.dll, as a process of its own, as a user would: its exit code and what it printed.</summary>
internal sealed record ProgramRun(int ExitCode, string Output, string Error)
{
    public static async Task<ProgramRun> OfAsync(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "continuity.dll"));
        foreach (var argument in args)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        return new ProgramRun(process.ExitCode, await output, await error);
    }
}
