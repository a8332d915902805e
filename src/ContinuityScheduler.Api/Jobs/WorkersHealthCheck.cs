using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ContinuityScheduler.Api.Jobs;

/// <summary>Healthy while this instance's solve workers run: names the instance, its workers and the jobs it is solving now.</summary>
public sealed class WorkersHealthCheck(SolveWorker worker, RunningJobs running) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["instance"] = worker.Instance, ["workers"] = worker.Workers, ["running"] = running.Count };
        return Task.FromResult(worker.Workers > 0 && worker.ExecuteTask is { IsCompleted: true }
            ? HealthCheckResult.Unhealthy("The solve workers have stopped.", worker.ExecuteTask.Exception, data)
            : HealthCheckResult.Healthy($"{worker.Workers} worker(s), {running.Count} job(s) running.", data));
    }
}
