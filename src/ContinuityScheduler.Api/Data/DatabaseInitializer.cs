using System.Text.Json.Nodes;
using ContinuityScheduler.Api.Institutions;
using ContinuityScheduler.Api.Jobs;
using ContinuityScheduler.Api.MasterData;
using ContinuityScheduler.Domain.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ContinuityScheduler.Api.Data;

/// <summary>
/// Brings the database to the latest schema before anything else runs (migrations only add; no data is dropped),
/// then loads the demo institution on first start when configured.
/// </summary>
public sealed class DatabaseInitializer(IServiceScopeFactory scopes, IOptions<ServiceOptions> options, IMemoryCache cache, ILogger<DatabaseInitializer> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellation)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SchedulerDb>();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellation)).ToList();
        await db.Database.MigrateAsync(cancellation);
        if (pending.Count > 0)
        {
            log.LogInformation("Database migrated: {Migrations}.", string.Join(", ", pending));
        }

        await Rotas.PublishedDates.BackfillAsync(db, cancellation);

        if (options.Value.Demo.Enabled)
        {
            await SeedDemoAsync(db, options.Value.Demo, cancellation);
        }
    }

    public const int DemoTimeLimitSeconds = 120;

    /// <summary>The workshop's scenarios as the demo's own, so a leader can solve and compare them from the page at once.</summary>
    private static async Task SeedScenariosAsync(SchedulerDb db, string institutionId, string folder, CancellationToken cancellation)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var text = await File.ReadAllTextAsync(file, cancellation);
            if (ScenarioReader.Read(text).Value is null)
            {
                continue; // the folder's other documents are not scenarios
            }

            db.Resources.Add(new ResourceRecord { InstitutionId = institutionId, Kind = Scenarios.ScenarioEndpoints.Kind, Key = Path.GetFileNameWithoutExtension(file), Json = text, UpdatedAt = DateTime.UtcNow });
        }

        await db.SaveChangesAsync(cancellation);
    }

    /// <summary>The workshop's year as the demo's published rotas, so the page's caregivers over time shows a year at once.</summary>
    private async Task<bool> SeedHistoryAsync(SchedulerDb db, InstitutionRecord institution, string file, CancellationToken cancellation)
    {
        if (!File.Exists(file))
        {
            return false;
        }

        var (published, refused) = await DemoHistory.ImportAsync(db, cache, institution, file, cancellation);
        if (refused is not null)
        {
            log.LogWarning("Demo history {File} not published: {Reason}.", file, refused);
            return false;
        }

        log.LogInformation("Demo history {File}: {Count} rotas published.", file, published);
        return true;
    }

    public Task StopAsync(CancellationToken cancellation) => Task.CompletedTask;

    /// <summary>The sample home as an institution with a known key, and a first solve of its horizon so there is a rota to look at.</summary>
    private async Task SeedDemoAsync(SchedulerDb db, DemoOptions demo, CancellationToken cancellation)
    {
        var read = ProblemReader.Read(await File.ReadAllTextAsync(demo.ProblemFile, cancellation));
        if (read.Value is not { } problem)
        {
            throw new InvalidOperationException($"The demo problem {demo.ProblemFile} does not read: {read.Errors[0].Path}: {read.Errors[0].Message}");
        }

        var id = problem.Institution.Id;
        if (await db.Institutions.AnyAsync(i => i.Id == id, cancellation))
        {
            return;
        }

        var document = JsonNode.Parse(DocumentWriter.Write(problem))!.AsObject();
        var now = DateTime.UtcNow;
        var institution = new InstitutionRecord { Id = id, SettingsJson = document["institution"]!.ToJsonString(), CreatedAt = now, UpdatedAt = now };
        db.Institutions.Add(institution);
        await db.SaveChangesAsync(cancellation);
        await ImportEndpoints.ReplaceAsync(db, id, document.DeepClone().AsObject(), cancellation);
        if (!string.IsNullOrEmpty(demo.ApiKey))
        {
            await ApiKeyEndpoints.CreateAsync(db, id, "demo", cancellation, demo.ApiKey);
        }

        await SeedScenariosAsync(db, id, demo.ScenarioFolder, cancellation);
        var year = await SeedHistoryAsync(db, institution, demo.HistoryFile, cancellation);
        if (!demo.SolveOnFirstStart)
        {
            log.LogInformation("Demo institution {Institution} loaded from {File}.", id, demo.ProblemFile);
            return;
        }

        // Baby-home's four weeks need one to several minutes on two cores before the first rota; give the demo room.
        var request = new JsonObject { ["horizon"] = document["horizon"]!.DeepClone(), ["timeLimitSeconds"] = DemoTimeLimitSeconds };
        var problemJson = document.ToJsonString();
        if (year)
        {
            // After the published year the rota to make is the next horizon's, the year's last weeks its history.
            var rotas = await db.Rotas.AsNoTracking().Where(r => r.InstitutionId == id).ToListAsync(cancellation);
            var next = rotas.Max(r => Rotas.RotaRecords.Dates(r).End).PlusDays(1);
            request["horizon"] = new JsonObject { ["start"] = IsoText.Of(next), ["weeks"] = problem.Horizon.Weeks };
            var (assembled, _, stop) = await HorizonProblem.AssembleAsync(db, cache, institution, request, [], cancellation);
            problemJson = assembled?.Json ?? throw new InvalidOperationException($"The demo's horizon after its history makes no planning problem: {stop}");
        }

        db.SolveJobs.Add(JobSubmission.Queued(id, JobState.SolveKind, request, problemJson));
        await db.SaveChangesAsync(cancellation);
        log.LogInformation("Demo institution {Institution} loaded from {File}; its first solve is queued.", id, demo.ProblemFile);
    }
}
