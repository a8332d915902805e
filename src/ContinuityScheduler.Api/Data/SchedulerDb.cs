using Microsoft.EntityFrameworkCore;

namespace ContinuityScheduler.Api.Data;

/// <summary>The service's database: institutions, their keys and master data, rotas, the dates published rotas cover, and solve jobs.</summary>
public sealed class SchedulerDb(DbContextOptions<SchedulerDb> options) : DbContext(options)
{
    public DbSet<InstitutionRecord> Institutions => Set<InstitutionRecord>();

    public DbSet<ApiKeyRecord> ApiKeys => Set<ApiKeyRecord>();

    public DbSet<ResourceRecord> Resources => Set<ResourceRecord>();

    public DbSet<RotaRecord> Rotas => Set<RotaRecord>();

    public DbSet<SolveJobRecord> SolveJobs => Set<SolveJobRecord>();

    public DbSet<PublishedDateRecord> PublishedDates => Set<PublishedDateRecord>();

    public DbSet<CalendarFeedRecord> CalendarFeeds => Set<CalendarFeedRecord>();

    /// <summary>Every time is UTC; SQLite forgets the kind, so it is put back on reading.</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcConverter>();
    }

    private sealed class UtcConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
        v => v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<InstitutionRecord>(e =>
        {
            e.ToTable("Institutions");
            e.Property(i => i.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<ApiKeyRecord>(e =>
        {
            e.ToTable("ApiKeys");
            e.HasIndex(k => k.Hash).IsUnique();
            e.HasIndex(k => k.InstitutionId);
        });
        modelBuilder.Entity<ResourceRecord>(e =>
        {
            e.ToTable("Resources");
            e.HasKey(r => new { r.InstitutionId, r.Kind, r.Key });
            e.Property(r => r.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<RotaRecord>(e =>
        {
            e.ToTable("Rotas");
            e.HasIndex(r => new { r.InstitutionId, r.HorizonStart });
            e.Property(r => r.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<PublishedDateRecord>(e =>
        {
            e.ToTable("PublishedDates");
            e.HasKey(d => new { d.InstitutionId, d.Date });
            e.HasIndex(d => d.RotaId);
        });
        modelBuilder.Entity<CalendarFeedRecord>(e =>
        {
            e.ToTable("CalendarFeeds");
            e.HasKey(f => f.Hash);
            e.HasIndex(f => new { f.InstitutionId, f.CaregiverId });
        });
        modelBuilder.Entity<SolveJobRecord>(e =>
        {
            e.ToTable("SolveJobs");
            e.HasIndex(j => new { j.State, j.CreatedAt });
            e.HasIndex(j => j.InstitutionId);
            e.HasIndex(j => j.LeaseId);
            e.HasIndex(j => new { j.InstitutionId, j.State });
        });
    }

    /// <summary>Saves, or reports that another request changed or created the same row first.</summary>
    public async Task<bool> TrySaveChangesAsync(CancellationToken cancellation)
    {
        try
        {
            await SaveChangesAsync(cancellation);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
        catch (DbUpdateException e) when (e.InnerException is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 } or Npgsql.PostgresException { SqlState: "23505" })
        {
            return false; // the same row was created by another request first
        }
    }
}
