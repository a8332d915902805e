using System.Text.Json;
using ContinuityScheduler.Api.Advice;
using ContinuityScheduler.Api.Contracts;
using ContinuityScheduler.Api.Data;
using ContinuityScheduler.Api.LeaveOneOut;
using ContinuityScheduler.Api.Rotas;
using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Solver;
using ContinuityScheduler.Solver.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime.Text;

namespace ContinuityScheduler.Api.Jobs;

/// <summary>
/// This instance's solve workers. Each claims the next job from the database (JobLeases), holds it by a heartbeat that
/// renews the lease, publishes the progress and picks up a cancellation asked of any instance, and writes the result once.
/// At shutdown a running job is handed back with its best rota so far; a job whose instance died is claimed again by
/// any instance once its lease lapses.
/// </summary>
public sealed class SolveWorker(IServiceScopeFactory scopes, RunningJobs running, IMipEngine engine, IOptions<ServiceOptions> options, ILogger<SolveWorker> log) : BackgroundService
{
    private readonly JobOptions jobs = options.Value.Jobs;

    /// <summary>This instance's name on the leases it holds.</summary>
    public string Instance { get; } = string.IsNullOrWhiteSpace(options.Value.Jobs.InstanceName)
        ? $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}"
        : options.Value.Jobs.InstanceName;

    public int Workers => jobs.Solve ? jobs.EffectiveConcurrency : 0;

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        log.LogInformation("Instance {Instance} solves {Workers} job(s) at a time from the shared queue.", Instance, Workers);
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => WorkAsync(stopping)));
    }

    private async Task WorkAsync(CancellationToken stopping)
    {
        await Task.Yield();
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                if (!await RunNextAsync(stopping))
                {
                    await running.WaitAsync(TimeSpan.FromMilliseconds(jobs.PollMilliseconds), stopping);
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be away for a moment: the lease lapses and the job is claimed again, so wait and carry on.
                log.LogError(e, "Claiming or running a solve job failed.");
                await Task.Delay(TimeSpan.FromMilliseconds(jobs.PollMilliseconds), CancellationToken.None);
            }
        }
    }

    /// <summary>Claims and runs one job; false when none was waiting.</summary>
    private async Task<bool> RunNextAsync(CancellationToken stopping)
    {
        using var scope = scopes.CreateScope();
        var leases = Leases(scope);
        var job = await leases.ClaimAsync(stopping);
        if (job is null)
        {
            return false;
        }

        var lease = job.LeaseId!.Value;
        var mine = running.Start(job.Id, stopping);
        SolveResult? result = null;
        AdviceRun.Done? advice = null;
        Solver.Advice.LeaveOneOutResult? leaveOneOut = null;
        PlanningProblem problem;
        try
        {
            using var heartbeat = new CancellationTokenSource();
            var beating = HeartbeatAsync(lease, mine, heartbeat.Token);
            try
            {
                problem = ProblemReader.Read(job.ProblemJson).Value ?? throw new InvalidOperationException("The job's stored problem no longer reads.");
                if (job.CancelRequested)
                {
                    mine.Cancel();
                }

                if (job.Kind == JobState.AdviceKind)
                {
                    advice = await AdviceRun.RunAsync(engine, job, problem, AdviceSolveOptions(job), mine);
                }
                else if (job.Kind == JobState.LeaveOneOutKind)
                {
                    var request = LeaveOneOutRun.Request(job);
                    leaveOneOut = await LeaveOneOutRun.RunAsync(engine, job, problem, Options(request.TimeLimitSeconds, request.RelativeGap, request.Seed), mine);
                }
                else
                {
                    result = await SolveAsync(job, problem, mine);
                }
            }
            finally
            {
                await heartbeat.CancelAsync();
                await beating;
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            await leases.ReleaseAsync(lease, null, CancellationToken.None);
            throw;
        }
        catch (Exception e)
        {
            log.LogError(e, "Solve job {JobId} failed (attempt {Attempt} of {Max}).", job.Id, job.Attempts, jobs.MaxAttempts);
            await leases.FailAsync(lease, $"The solve failed: {e.GetType().Name}: {e.Message}", CancellationToken.None);
            return true;
        }
        finally
        {
            running.Finish(job.Id, mine);
        }

        if (mine.LeaseLost)
        {
            log.LogWarning("Solve job {JobId}: another instance holds it now; this run's rota is dropped.", job.Id);
        }
        else if (stopping.IsCancellationRequested && !mine.CancelledByUser && result?.Status != SolveStatus.Optimal)
        {
            // Stopped by a shutdown, not by the user: another instance (or the next start) goes on from this run's best rota (advice starts over).
            var start = job.Kind == JobState.SolveKind ? DocumentWriter.Write(result!.Rota) : null;
            await leases.ReleaseAsync(lease, start, CancellationToken.None);
            log.LogInformation("Solve job {JobId} handed back at shutdown with its best rota so far.", job.Id);
        }
        else
        {
            try
            {
                if (advice is not null)
                {
                    // The advice's rota uses caregivers who do not exist: it stays in the job's result, never a rota of the institution.
                    var ended = await leases.FinishAsync(job, lease, null, record => AdviceRun.Record(record, advice), CancellationToken.None);
                    log.LogInformation("Advice job {JobId} {Outcome}: {Status} in {Seconds:0.0} s.", job.Id, ended ? "finished" : "was finished elsewhere", JsonNames.Of(advice.Result.Status), advice.Result.Seconds);
                    return true;
                }

                if (leaveOneOut is not null)
                {
                    // The repaired rotas stay in the solver: the view is the job's result, never a rota of the institution.
                    var ended = await leases.FinishAsync(job, lease, null, record => LeaveOneOutRun.Record(record, leaveOneOut), CancellationToken.None);
                    log.LogInformation("Leave-one-out job {JobId} {Outcome}: {Count} caregiver(s) in {Seconds:0.0} s.", job.Id, ended ? "finished" : "was finished elsewhere", leaveOneOut.Caregivers.Count, leaveOneOut.Seconds);
                    return true;
                }

                var rota = RotaRecords.Draft(job.InstitutionId, problem, job.ProblemJson, result!.Rota, job.Id);
                var written = await leases.FinishAsync(job, lease, rota, record => Record(record, result), CancellationToken.None);
                log.LogInformation("Solve job {JobId} {Outcome}: {Status} in {Seconds:0.0} s.", job.Id, written ? "finished" : "was finished elsewhere", JsonNames.Of(result.Status), result.Seconds);
            }
            catch (Exception e)
            {
                log.LogError(e, "Solve job {JobId}: its result could not be stored.", job.Id);
                await leases.FailAsync(lease, $"The result could not be stored: {e.GetType().Name}: {e.Message}", CancellationToken.None);
            }
        }

        return true;
    }

    /// <summary>Renews the lease and publishes the progress at every beat; stops the solve when any instance asked for a cancellation or the lease is lost.</summary>
    private async Task HeartbeatAsync(Guid lease, RunningJobs.Running job, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(jobs.HeartbeatMilliseconds));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                try
                {
                    using var scope = scopes.CreateScope();
                    var cancel = await Leases(scope).RenewAsync(lease, job.Latest, stop);
                    if (cancel is null)
                    {
                        job.Lose();
                        return;
                    }

                    if (cancel.Value && !job.CancelledByUser)
                    {
                        job.Cancel();
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogWarning(e, "A heartbeat failed; the next one tries again before the lease lapses.");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // the solve is over
        }
    }

    private JobLeases Leases(IServiceScope scope) => new(scope.ServiceProvider.GetRequiredService<SchedulerDb>(), jobs, Instance);

    private Task<SolveResult> SolveAsync(SolveJobRecord job, PlanningProblem problem, RunningJobs.Running running)
    {
        var solver = new RotaSolver(engine);
        if (job.Kind == JobState.RepairKind)
        {
            var request = JsonSerializer.Deserialize<RepairRequest>(job.RequestJson, JsonDefaults.Options)!;
            var published = RotaReader.Read(job.PublishedRotaJson!, problem).Value!;
            var from = LocalDatePattern.Iso.Parse(request.From).Value;
            var to = request.To is { } t ? LocalDatePattern.Iso.Parse(t).Value : problem.Horizon.End;
            return solver.RepairAsync(problem, published, request.CaregiverId, from, to, Options(request.TimeLimitSeconds, null, null), running, running.Cancellation.Token);
        }

        var solve = JsonSerializer.Deserialize<SolveRequest>(job.RequestJson, JsonDefaults.Options)!;
        var start = job.StartRotaJson is { } json ? RotaReader.Read(json, problem).Value : null;
        return solver.SolveAsync(problem, Options(solve.TimeLimitSeconds, solve.RelativeGap, solve.Seed) with { Start = start }, running, running.Cancellation.Token);
    }

    private SolveOptions AdviceSolveOptions(SolveJobRecord job)
    {
        var request = JsonSerializer.Deserialize<AdviceRequest>(job.RequestJson, JsonDefaults.Options)!;
        return Options(request.TimeLimitSeconds, request.RelativeGap, request.Seed);
    }

    private SolveOptions Options(int? seconds, double? gap, int? seed) => new()
    {
        TimeLimit = TimeSpan.FromSeconds(seconds ?? jobs.DefaultTimeLimitSeconds),
        RelativeGap = gap ?? 0,
        Seed = seed ?? 1,
        Threads = jobs.ThreadsPerSolve,
        Deterministic = jobs.Deterministic,
    };

    /// <summary>Ends the job with its result: infeasible when the validator finds a hard rule broken, cancelled when asked.</summary>
    private static void Record(SolveJobRecord job, SolveResult result)
    {
        var view = JobViews.ResultOf(result);
        job.State = job.CancelRequested ? JobState.Cancelled : result.Status == SolveStatus.Infeasible ? JobState.Infeasible : JobState.Succeeded;
        job.Error = null;
        job.SolverStatus = view.Status;
        job.ResultJson = JsonSerializer.Serialize(view, JsonDefaults.Options);
        job.ElapsedSeconds = result.Seconds;
        job.Incumbent = result.Objective.Total;
        job.Bound = result.Bound;
        job.FinishedAt = DateTime.UtcNow;
    }
}
