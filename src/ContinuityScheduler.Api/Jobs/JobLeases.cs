using ContinuityScheduler.Api.Data;
using ContinuityScheduler.Solver;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace ContinuityScheduler.Api.Jobs;

/// <summary>
/// The job queue is the SolveJobs table, shared by every service instance on the database. A worker claims the next job
/// with one atomic statement and holds it by a lease it renews while solving; every later write about the job is
/// conditional on that lease, so a job whose instance died is claimed again once its lease lapses, and a result is
/// written once even when two instances race.
/// </summary>
public sealed class JobLeases(SchedulerDb db, JobOptions options, string instance)
{
    /// <summary>
    /// Ends the jobs whose instance died and that must not run again (cancelled, or out of attempts), then claims the
    /// oldest runnable job of the institution with the fewest jobs running, so one home cannot starve another.
    /// </summary>
    public async Task<SolveJobRecord?> ClaimAsync(CancellationToken cancellation)
    {
        var now = DateTime.UtcNow;
        await EndAbandonedAsync(now, cancellation);

        var lease = Guid.NewGuid();
        // Not cancelled by a shutdown once the claim is sent: a claim made but not read would hold the job until its lease lapses.
        var claimed = await db.Database.ExecuteSqlRawAsync(
            db.Database.IsNpgsql() ? ClaimOnPostgres : ClaimOnSqlite,
            [lease, instance, now + Lease, now],
            CancellationToken.None);
        return claimed == 0 ? null : await db.SolveJobs.AsNoTracking().FirstOrDefaultAsync(j => j.LeaseId == lease, CancellationToken.None);
    }

    /// <summary>Keeps the lease and publishes the progress; null when the lease is lost (another instance took the job), else whether a cancellation was asked for.</summary>
    public async Task<bool?> RenewAsync(Guid lease, SolveProgress? progress, CancellationToken cancellation)
    {
        var expires = DateTime.UtcNow + Lease;
        var renewed = progress is null
            ? await Held(lease).ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseExpiresAt, expires), cancellation)
            : await Held(lease).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.LeaseExpiresAt, expires)
                .SetProperty(j => j.ElapsedSeconds, progress.Seconds)
                .SetProperty(j => j.Incumbent, progress.Incumbent)
                .SetProperty(j => j.Bound, progress.Bound), cancellation);
        return renewed == 0 ? null : await db.SolveJobs.AnyAsync(j => j.LeaseId == lease && j.CancelRequested, cancellation);
    }

    /// <summary>Stores the rota (advice stores none) and ends the job, in one transaction and only while the lease is held: a result is written once.</summary>
    public async Task<bool> FinishAsync(SolveJobRecord job, Guid lease, RotaRecord? rota, Action<SolveJobRecord> record, CancellationToken cancellation)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellation);
        // Letting go of the lease first locks the row (PostgreSQL) or the database (SQLite) until the commit: a racing finisher finds no lease.
        if (await Held(lease).ExecuteUpdateAsync(s => s.EndLease(), cancellation) == 0)
        {
            return false;
        }

        var held = await db.SolveJobs.FirstAsync(j => j.Id == job.Id, cancellation);
        if (rota is not null)
        {
            db.Rotas.Add(rota);
            held.RotaId = rota.Id;
        }

        record(held);
        await db.SaveChangesAsync(cancellation);
        await transaction.CommitAsync(cancellation);
        return true;
    }

    /// <summary>Hands a job back at shutdown: queued again, the run not counted, its best rota kept to start the next run from (cancelled instead when that was asked meanwhile).</summary>
    public Task<int> ReleaseAsync(Guid lease, string? startRotaJson, CancellationToken cancellation) =>
        Held(lease).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, j => j.CancelRequested ? JobState.Cancelled : JobState.Queued)
            .SetProperty(j => j.FinishedAt, j => j.CancelRequested ? DateTime.UtcNow : null)
            .SetProperty(j => j.Attempts, j => j.Attempts - 1)
            .SetProperty(j => j.StartedAt, (DateTime?)null)
            .SetProperty(j => j.StartRotaJson, j => startRotaJson ?? j.StartRotaJson)
            .EndLease(), cancellation);

    /// <summary>A run that threw: queued again with its error, or failed with it once the job is out of attempts.</summary>
    public Task<int> FailAsync(Guid lease, string error, CancellationToken cancellation)
    {
        var max = options.MaxAttempts;
        return Held(lease).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, j => j.CancelRequested ? JobState.Cancelled : j.Attempts >= max ? JobState.Failed : JobState.Queued)
            .SetProperty(j => j.Error, error)
            .SetProperty(j => j.FinishedAt, j => j.CancelRequested || j.Attempts >= max ? DateTime.UtcNow : null)
            .EndLease(), cancellation);
    }

    /// <summary>Claims the next job for lease {0} of instance {1} until {2}, at {3}: the claimable row oldest first, fewest running of its institution first.</summary>
    private static string Claim(string locking) => $$"""
        UPDATE "SolveJobs" SET "State" = 'running', "LeaseId" = {0}, "LeaseOwner" = {1}, "LeaseExpiresAt" = {2}, "StartedAt" = {3}, "Attempts" = "Attempts" + 1
        WHERE "Id" = (
            SELECT j."Id" FROM "SolveJobs" j
            WHERE j."State" = 'queued' OR (j."State" = 'running' AND (j."LeaseExpiresAt" IS NULL OR j."LeaseExpiresAt" < {3}))
            ORDER BY (SELECT COUNT(*) FROM "SolveJobs" r WHERE r."InstitutionId" = j."InstitutionId" AND r."State" = 'running' AND r."LeaseExpiresAt" >= {3}), j."CreatedAt"
            LIMIT 1 {{locking}})
        AND ("State" = 'queued' OR ("State" = 'running' AND ("LeaseExpiresAt" IS NULL OR "LeaseExpiresAt" < {3})))
        """;

    // PostgreSQL: concurrent claimers skip each other's locked rows; SQLite runs one writer at a time, so the statement alone is atomic.
    private static readonly string ClaimOnPostgres = Claim("FOR UPDATE SKIP LOCKED");
    private static readonly string ClaimOnSqlite = Claim("");

    private TimeSpan Lease => TimeSpan.FromSeconds(options.LeaseSeconds);

    private IQueryable<SolveJobRecord> Held(Guid lease) => db.SolveJobs.Where(j => j.LeaseId == lease && j.State == JobState.Running);

    /// <summary>Jobs whose instance stopped answering: a cancelled one stays cancelled, one out of attempts fails with the reason.</summary>
    private Task<int> EndAbandonedAsync(DateTime now, CancellationToken cancellation)
    {
        var max = options.MaxAttempts;
        var abandoned = $"The job was started {max} times and its service instance stopped answering each time (crash or lost database connection).";
        return db.SolveJobs
            .Where(j => j.State == JobState.Running && (j.LeaseExpiresAt == null || j.LeaseExpiresAt < now) && (j.CancelRequested || j.Attempts >= max))
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.State, j => j.CancelRequested ? JobState.Cancelled : JobState.Failed)
                .SetProperty(j => j.Error, j => j.CancelRequested ? j.Error : j.Error == null ? abandoned : abandoned + " Last error: " + j.Error)
                .SetProperty(j => j.FinishedAt, now)
                .EndLease(), cancellation);
    }
}

/// <summary>The one way a lease ends, whatever ends it (a result, a hand-back, a failure, an abandoned run).</summary>
internal static class LeaseSetters
{
    public static UpdateSettersBuilder<SolveJobRecord> EndLease(this UpdateSettersBuilder<SolveJobRecord> setters) => setters
        .SetProperty(j => j.LeaseId, (Guid?)null)
        .SetProperty(j => j.LeaseOwner, (string?)null)
        .SetProperty(j => j.LeaseExpiresAt, (DateTime?)null);
}
