using System.Diagnostics;
using System.Globalization;
using ContinuityScheduler.Solver.Engine;

namespace ContinuityScheduler.Solver.Cbc;

/// <summary>
/// COIN-OR CBC 2.10 run as a subprocess, one process per solve: safe to run several at once, cancellable by
/// SIGINT (CBC then writes its best solution), and held to the deadline by killing it when it overruns, which
/// CBC does during its root LP and cuts. Its "infeasible" is trusted only when the solution file says so.
/// </summary>
public sealed class CbcEngine(string program = "cbc") : IMipEngine
{
    /// <summary>Share of the time limit CBC is told it has; the rest is for stopping it and reading its answer.</summary>
    private const double EngineShare = 0.85;

    public string Name => "cbc";

    public static string? Locate(string program = "cbc") =>
        Path.IsPathRooted(program)
            ? (File.Exists(program) ? program : null)
            : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
                .Select(dir => Path.Combine(dir, program))
                .FirstOrDefault(File.Exists);

    public async Task<MipResult> SolveAsync(MipModel model, MipOptions options, IProgress<MipProgress>? progress, CancellationToken cancellation)
    {
        var executable = Locate(program)
            ?? throw new EngineUnavailableException("The COIN-OR CBC solver is missing: install it with 'apt-get install coinor-cbc'.");
        var folder = Directory.CreateTempSubdirectory("continuity-cbc-");
        try
        {
            return await Run(executable, folder.FullName, model, options, progress, cancellation);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<MipResult> Run(string executable, string folder, MipModel model, MipOptions options, IProgress<MipProgress>? progress, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var modelFile = Path.Combine(folder, "model.lp");
        var solutionFile = Path.Combine(folder, "solution.txt");
        await using (var writer = new StreamWriter(modelFile))
        {
            LpFormat.Write(model, writer);
        }

        var arguments = new List<string>
        {
            modelFile, "-timeMode", "elapsed",
            "-sec", Seconds(Math.Max(0.5, options.TimeLimit.TotalSeconds * EngineShare)),
            "-ratioGap", options.RelativeGap.ToString(CultureInfo.InvariantCulture),
            "-threads", Math.Max(1, options.Threads).ToString(CultureInfo.InvariantCulture),
            "-randomCbcSeed", Math.Max(1, options.Seed).ToString(CultureInfo.InvariantCulture),
        };
        if (options.BoundOnly)
        {
            arguments.AddRange(["-maxNodes", "0", "-cuts", "off", "-heuristicsOnOff", "off", "-preprocess", "off"]);
        }

        if (options.Start is { } start)
        {
            var startFile = Path.Combine(folder, "start.txt");
            await File.WriteAllTextAsync(startFile, CbcSolutionFile.Write(start), cancellation);
            arguments.AddRange(["-mipstart", startFile]);
        }

        arguments.AddRange(["-solve", "-solution", solutionFile]);
        var info = new ProcessStartInfo(LineBuffered(executable, out var prefix))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in prefix.Concat(arguments))
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new EngineUnavailableException($"Could not start {executable}.");
        var trajectory = new List<MipProgress>();
        double? incumbent = null;
        double? bound = null;
        double? firstSolution = null;
        var reading = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync(CancellationToken.None) is { } line)
            {
                var (found, proved) = CbcLog.Read(line);
                if (found is null && proved is null)
                {
                    continue;
                }

                lock (trajectory)
                {
                    if (found is { } value && (incumbent is null || value < incumbent))
                    {
                        incumbent = value;
                        firstSolution ??= clock.Elapsed.TotalSeconds;
                    }

                    bound = proved ?? bound;
                    var point = new MipProgress(clock.Elapsed.TotalSeconds, incumbent, bound);
                    trajectory.Add(point);
                    progress?.Report(point with { Incumbent = incumbent + model.ObjectiveConstant, Bound = bound + model.ObjectiveConstant });
                }
            }
        }, CancellationToken.None);
        var draining = process.StandardError.ReadToEndAsync(CancellationToken.None);

        long peak = 0;
        using var sampling = new CancellationTokenSource();
        var watching = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, HighWaterMark(process.Id));
                await Task.Delay(250, CancellationToken.None);
            }
        }, CancellationToken.None);

        await Supervise(process, options.TimeLimit, clock, cancellation);
        await sampling.CancelAsync();
        await watching;
        await reading;
        await draining;

        var (status, values) = File.Exists(solutionFile)
            ? CbcSolutionFile.Read(await File.ReadAllTextAsync(solutionFile, CancellationToken.None), model.Variables.Count)
            : (MipStatus.NoSolution, null);
        lock (trajectory)
        {
            double? objective = values is null ? null : model.Evaluate(values);
            var finalBound = bound is { } b && objective is { } o ? Math.Min(b + model.ObjectiveConstant, o) : bound + model.ObjectiveConstant;
            if (status == MipStatus.Optimal && objective is not null)
            {
                finalBound = objective;
            }

            return new MipResult(status, objective, finalBound, values, firstSolution, clock.Elapsed.TotalSeconds,
                [.. trajectory.Select(p => p with { Incumbent = p.Incumbent + model.ObjectiveConstant, Bound = p.Bound + model.ObjectiveConstant })])
            {
                PeakMemoryBytes = peak > 0 ? peak : null,
            };
        }
    }

    /// <summary>Waits for CBC to finish; on cancellation or when the limit is reached asks it to stop, and kills it if it does not.</summary>
    private static async Task Supervise(Process process, TimeSpan limit, Stopwatch clock, CancellationToken cancellation)
    {
        var interruptAt = limit * EngineShare + TimeSpan.FromSeconds(0.25);
        var killAt = limit + TimeSpan.FromSeconds(0.5);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        stop.CancelAfter(interruptAt - clock.Elapsed);
        try
        {
            await process.WaitForExitAsync(stop.Token);
            return;
        }
        catch (OperationCanceledException)
        {
            Signals.Interrupt(process.Id);
        }

        // Stopping early gives CBC a few seconds to write its solution; at the deadline it gets what is left.
        var grace = cancellation.IsCancellationRequested ? TimeSpan.FromSeconds(8) : killAt - clock.Elapsed;
        using var kill = new CancellationTokenSource(grace > TimeSpan.Zero ? grace : TimeSpan.FromMilliseconds(100));
        try
        {
            await process.WaitForExitAsync(kill.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }
    }

    /// <summary>The process's peak resident memory (VmHWM) in bytes, or 0 once it has gone.</summary>
    private static long HighWaterMark(int processId)
    {
        try
        {
            var line = File.ReadLines($"/proc/{processId}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            var kilobytes = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
            return kilobytes is null ? 0 : long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>CBC writes its log through stdio, fully buffered into a pipe; stdbuf makes it arrive line by line.</summary>
    private static string LineBuffered(string executable, out string[] prefix)
    {
        var stdbuf = Locate("stdbuf");
        prefix = stdbuf is null ? [] : ["-oL", executable];
        return stdbuf ?? executable;
    }

    private static string Seconds(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
