using Microsoft.EntityFrameworkCore;

namespace ContinuityScheduler.Api.Data;

/// <summary>The service's database: institutions, their keys and master data, rotas and solve jobs.</summary>
public sealed class SchedulerDb(DbContextOptions<SchedulerDb> options) : DbContext(options)
{
    public DbSet<InstitutionRecord> Institutions => Set<InstitutionRecord>();

    public DbSet<ApiKeyRecord> ApiKeys => Set<ApiKeyRecord>();

    public DbSet<ResourceRecord> Resources => Set<ResourceRecord>();

    public DbSet<RotaRecord> Rotas => Set<RotaRecord>();

    public DbSet<SolveJobRecord> SolveJobs => Set<SolveJobRecord>();

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
        modelBuilder.Entity<SolveJobRecord>(e =>
        {
            e.ToTable("SolveJobs");
            e.HasIndex(j => new { j.State, j.CreatedAt });
            e.HasIndex(j => j.InstitutionId);
        });
    }
}
