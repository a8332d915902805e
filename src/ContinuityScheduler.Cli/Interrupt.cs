namespace ContinuityScheduler.Cli;

/// <summary>Ctrl+C (or SIGTERM) during a solve stops the search, not the program: what was found so far is kept.</summary>
internal static class Interrupt
{
    /// <summary>How long the program may take to write what it has once interrupted, before it is ended anyway.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    /// <summary>Says on the error stream, when interrupted, what was kept.</summary>
    public static void Notice(TextWriter error, CancellationToken cancellation, string kept)
    {
        if (cancellation.IsCancellationRequested)
        {
            error.WriteLine($"Stopped early (interrupted): {kept}.");
        }
    }
}
