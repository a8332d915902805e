using System.Collections.Concurrent;
using System.Threading.Channels;
using ContinuityScheduler.Solver;

namespace ContinuityScheduler.Api.Jobs;

/// <summary>
/// Hands stored job ids to the workers and knows the jobs running in this process: their cancellation and live progress.
/// The database is the truth; this is only the signal, rebuilt from it at start-up.
/// </summary>
public sealed class SolveQueue
{
    private readonly Channel<Guid> pending = Channel.CreateUnbounded<Guid>();
    private readonly ConcurrentDictionary<Guid, Running> running = new();

    public void Enqueue(Guid id) => pending.Writer.TryWrite(id);

    public ValueTask<Guid> NextAsync(CancellationToken cancellation) => pending.Reader.ReadAsync(cancellation);

    public Running Start(Guid id, CancellationToken stopping) => running[id] = new Running(CancellationTokenSource.CreateLinkedTokenSource(stopping));

    public void Finish(Guid id)
    {
        if (running.TryRemove(id, out var job))
        {
            job.Cancellation.Dispose();
        }
    }

    /// <summary>Stops a job running here; false when it runs elsewhere or not at all.</summary>
    public bool Cancel(Guid id)
    {
        if (!running.TryGetValue(id, out var job))
        {
            return false;
        }

        try
        {
            job.Cancel();
            return true;
        }
        catch (ObjectDisposedException)
        {
            return false; // it finished meanwhile
        }
    }

    public SolveProgress? ProgressOf(Guid id) => running.TryGetValue(id, out var job) ? job.Latest : null;

    /// <summary>A job running in this process: what stops it and the last progress the solver reported.</summary>
    public sealed class Running(CancellationTokenSource cancellation) : IProgress<SolveProgress>
    {
        public CancellationTokenSource Cancellation { get; } = cancellation;

        public bool CancelledByUser { get; private set; }

        public SolveProgress? Latest { get; private set; }

        public void Report(SolveProgress value) => Latest = value;

        public void Cancel()
        {
            CancelledByUser = true;
            Cancellation.Cancel();
        }
    }
}
