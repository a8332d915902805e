using System.Collections.Concurrent;
using ContinuityScheduler.Solver;

namespace ContinuityScheduler.Api.Jobs;

/// <summary>
/// The jobs running in this process, with what stops them and their latest progress, and the signal that wakes this
/// instance's idle workers when a job is posted here. The queue itself is the database (JobLeases); other instances learn
/// of jobs and cancellations from it.
/// </summary>
public sealed class RunningJobs
{
    private readonly ConcurrentDictionary<Guid, Running> running = new();
    private readonly SemaphoreSlim posted = new(0);

    /// <summary>Wakes one idle worker of this instance at once instead of at its next poll.</summary>
    public void Wake()
    {
        if (posted.CurrentCount < 8)
        {
            posted.Release(); // a burst of posts wakes the workers once each, not once per post
        }
    }

    /// <summary>Waits until a job is posted here or the poll interval passes.</summary>
    public async Task WaitAsync(TimeSpan poll, CancellationToken cancellation) => await posted.WaitAsync(poll, cancellation);

    public int Count => running.Count;

    public Running Start(Guid id, CancellationToken stopping) => running[id] = new Running(CancellationTokenSource.CreateLinkedTokenSource(stopping));

    /// <summary>Forgets this run of the job, and only this one: a later claim of the same job by this instance stays registered.</summary>
    public void Finish(Guid id, Running job)
    {
        if (running.TryRemove(KeyValuePair.Create(id, job)))
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

        /// <summary>Another instance holds the job now (this one missed its heartbeats): stop and write nothing.</summary>
        public bool LeaseLost { get; private set; }

        public SolveProgress? Latest { get; private set; }

        public void Report(SolveProgress value) => Latest = value;

        public void Cancel()
        {
            CancelledByUser = true;
            Cancellation.Cancel();
        }

        public void Lose()
        {
            LeaseLost = true;
            Cancellation.Cancel();
        }
    }
}
