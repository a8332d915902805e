using System.Net;
using System.Text.Json.Nodes;
using ContinuityScheduler.Api.Data;
using ContinuityScheduler.Api.Data.Migrations;
using ContinuityScheduler.Api.Security;
using ContinuityScheduler.Domain.Baseline;
using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace ContinuityScheduler.Api.Tests;

/// <summary>A database made by the first schema version is upgraded at start-up, every row is still there and served, and the published rota claims its dates.</summary>
public sealed class MigrationTests
{
    [Fact]
    public async Task Starting_on_a_first_version_database_upgrades_it_and_keeps_every_row()
    {
        var folder = ApiFactory.NewFolder();
        var options = new ServiceOptions { DataFolder = folder, ConnectionString = TestStore.ConnectionString(folder) ?? "" };
        var sample = File.ReadAllText(RepositoryRoot.Sample("small-home"));
        var problem = ProblemReader.Read(sample).Value!;
        var rota = HospitalWay.Generate(problem);
        var document = JsonNode.Parse(sample)!.AsObject();
        var caregivers = document["caregivers"]!.AsArray().Take(3).Select(c => c!.AsObject()).ToList();
        var rotaId = Guid.NewGuid();

        var builder = new DbContextOptionsBuilder<SchedulerDb>();
        DatabaseSetup.Configure(builder, options);
        await using (var db = new SchedulerDb(builder.Options))
        {
            await db.GetService<IMigrator>().MigrateAsync(M001Initial.Id);
            (await db.Database.GetAppliedMigrationsAsync()).Should().Equal(M001Initial.Id);
            var now = DateTime.UtcNow;
            await db.Database.ExecuteSqlAsync($"""INSERT INTO "Institutions" ("Id", "SettingsJson", "Version", "CreatedAt", "UpdatedAt") VALUES ('small-home', {document["institution"]!.ToJsonString()}, 1, {now}, {now})""");
            await db.Database.ExecuteSqlAsync($"""INSERT INTO "ApiKeys" ("Id", "InstitutionId", "Hash", "Label", "CreatedAt") VALUES ('k1', 'small-home', {ApiKeys.Hash("old-key")}, 'v1', {now})""");
            foreach (var caregiver in caregivers)
            {
                var json = caregiver.DeepClone().AsObject();
                json.Remove("absences");
                json.Remove("wishes");
                await db.Database.ExecuteSqlAsync($"""INSERT INTO "Resources" ("InstitutionId", "Kind", "Key", "Json", "Version", "UpdatedAt") VALUES ('small-home', 'caregiver', {(string)caregiver["id"]!}, {json.ToJsonString()}, 1, {now})""");
            }

            await db.Database.ExecuteSqlAsync($"""INSERT INTO "Rotas" ("Id", "InstitutionId", "HorizonStart", "Weeks", "Status", "MadeBy", "RotaJson", "ProblemJson", "Version", "CreatedAt") VALUES ({rotaId}, 'small-home', '2026-11-30', 1, 'published', {rota.MadeBy}, {DocumentWriter.Write(rota)}, {sample}, 1, {now})""");
        }

        using var factory = new ApiFactory(folder);
        try
        {
            var client = factory.CreateClient();
            client.DefaultRequestHeaders.Add("X-Api-Key", "old-key");
            var home = new Tenant("small-home", client);

            ((string)(await home.GetJsonAsync(home.Base))["timeZone"]!).Should().Be(problem.Institution.TimeZone.Id);
            (await home.GetJsonAsync("caregivers")).AsArray().Select(c => (string)c!["id"]!).Should().Equal(caregivers.Select(c => (string)c["id"]!));
            var served = await home.GetJsonAsync($"rotas/{rotaId}");
            served["shifts"]!.AsArray().Should().HaveCount(rota.Assignments.Count);
            ((string?)served["rota"]!["jobId"]).Should().BeNull("rotas from before jobs existed have none");
            (await home.GetJsonAsync("solve-jobs")).AsArray().Should().BeEmpty();

            using var scope = factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<SchedulerDb>();
            (await db.Database.GetAppliedMigrationsAsync()).Should().Equal(M001Initial.Id, M002SolveJobs.Id, M003PublishedDatesAndFeeds.Id, M004JobLeases.Id);
            (await db.PublishedDates.Where(d => d.InstitutionId == "small-home").ToListAsync()).Should().HaveCount(7, "the published week's dates are claimed at start-up")
                .And.OnlyContain(d => d.RotaId == rotaId);
            (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
        }
        finally
        {
            factory.DeleteData();
        }
    }
}
