using System.Text.Json;
using ContinuityScheduler.Api.Contracts;
using ContinuityScheduler.Api.Data;
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
/// Runs stored solve jobs, a configured number at a time. At start-up, jobs left running by a crash or a stop are queued again,
/// and every queued job is handed to the workers in the order it came.
/// </summary>
public sealed class SolveWorker(IServiceScopeFactory scopes, SolveQueue queue, IMipEngine engine, IOptions<ServiceOptions> options, ILogger<SolveWorker> log) : BackgroundService
{
    private readonly JobOptions jobs = options.Value.Jobs;

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        await RecoverAsync(stopping);
        await Task.WhenAll(Enumerable.Range(0, jobs.EffectiveConcurrency).Select(_ => WorkAsync(stopping)));
    }

    private async Task RecoverAsync(CancellationToken stopping)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SchedulerDb>();
        var requeued = await db.SolveJobs.Where(j => j.State == JobState.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Queued), stopping);
        var waiting = await db.SolveJobs.AsNoTracking().Where(j => j.State == JobState.Queued)
            .OrderBy(j => j.CreatedAt).Select(j => j.Id).ToListAsync(stopping);
        waiting.ForEach(queue.Enqueue);
        if (waiting.Count > 0)
        {
            log.LogInformation("Recovered {Queued} queued solve jobs ({Requeued} were running when the service stopped).", waiting.Count, requeued);
        }
    }

    private async Task WorkAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            Guid id;
            try
            {
                id = await queue.NextAsync(stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                await RunAsync(id, stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "Solve job {JobId} failed unexpectedly.", id);
                await FailAsync(id, "The solve failed unexpectedly; see the service log.");
            }
        }
    }

    private async Task RunAsync(Guid id, CancellationToken stopping)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SchedulerDb>();
        // Claiming with a conditional update lets several service instances share one database.
        var claimed = await db.SolveJobs.Where(j => j.Id == id && j.State == JobState.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Running).SetProperty(j => j.StartedAt, DateTime.UtcNow).SetProperty(j => j.Attempts, j => j.Attempts + 1), stopping);
        if (claimed == 0)
        {
            return;
        }

        var job = await db.SolveJobs.FirstAsync(j => j.Id == id, stopping);
        var problem = ProblemReader.Read(job.ProblemJson).Value ?? throw new InvalidOperationException("The job's stored problem no longer reads.");
        var running = queue.Start(id, stopping);
        SolveResult result;
        try
        {
            if (job.CancelRequested)
            {
                running.Cancel();
            }

            result = await SolveAsync(job, problem, running);
        }
        finally
        {
            queue.Finish(id);
        }

        if (stopping.IsCancellationRequested && !running.CancelledByUser)
        {
            // Stopped by a shutdown, not by the user: queue it again so the next start runs it in full.
            job.State = JobState.Queued;
            job.StartedAt = null;
            await db.SaveChangesAsync(CancellationToken.None);
            return;
        }

        await db.Entry(job).ReloadAsync(CancellationToken.None);
        Record(job, result, problem, db);
        await db.SaveChangesAsync(CancellationToken.None);
        log.LogInformation("Solve job {JobId} {State}: {Status} in {Seconds:0.0} s.", id, job.State, job.SolverStatus, result.Seconds);
    }

    private Task<SolveResult> SolveAsync(SolveJobRecord job, PlanningProblem problem, SolveQueue.Running running)
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
        return solver.SolveAsync(problem, Options(solve.TimeLimitSeconds, solve.RelativeGap, solve.Seed), running, running.Cancellation.Token);
    }

    private SolveOptions Options(int? seconds, double? gap, int? seed) => new()
    {
        TimeLimit = TimeSpan.FromSeconds(seconds ?? jobs.DefaultTimeLimitSeconds),
        RelativeGap = gap ?? 0,
        Seed = seed ?? 1,
        Threads = jobs.ThreadsPerSolve,
        Deterministic = jobs.Deterministic,
    };

    /// <summary>Stores the rota (there always is one) and ends the job: infeasible when the validator finds a hard rule broken.</summary>
    private static void Record(SolveJobRecord job, SolveResult result, PlanningProblem problem, SchedulerDb db)
    {
        var record = RotaRecords.Draft(job.InstitutionId, problem, job.ProblemJson, result.Rota, job.Id);
        db.Rotas.Add(record);
        job.RotaId = record.Id;
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

    private async Task FailAsync(Guid id, string error)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SchedulerDb>();
        await db.SolveJobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, JobState.Failed)
            .SetProperty(j => j.Error, error)
            .SetProperty(j => j.FinishedAt, DateTime.UtcNow));
    }
}
