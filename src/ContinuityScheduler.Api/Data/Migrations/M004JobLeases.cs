using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ContinuityScheduler.Api.Data.Migrations;

/// <summary>
/// Schema version 4: a running job's lease (which claim holds it, on which instance, until when), so that several service
/// instances share the queue in the database and a dead instance's jobs are claimed again; and the best rota of a run
/// that was handed back at shutdown, to start the next run from; and an index for counting an institution's jobs by state (admission, fair claims).
/// </summary>
[DbContext(typeof(SchedulerDb))]
[Migration(Id)]
public sealed class M004JobLeases : Migration
{
    public const string Id = "20261201000004_JobLeases";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<Guid>(name: "LeaseId", table: "SolveJobs", nullable: true);
        migrationBuilder.AddColumn<string>(name: "LeaseOwner", table: "SolveJobs", nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: "LeaseExpiresAt", table: "SolveJobs", nullable: true);
        migrationBuilder.AddColumn<string>(name: "StartRotaJson", table: "SolveJobs", nullable: true);
        migrationBuilder.CreateIndex("IX_SolveJobs_LeaseId", "SolveJobs", "LeaseId");
        migrationBuilder.CreateIndex("IX_SolveJobs_InstitutionId_State", "SolveJobs", ["InstitutionId", "State"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_SolveJobs_InstitutionId_State", "SolveJobs");
        migrationBuilder.DropIndex("IX_SolveJobs_LeaseId", "SolveJobs");
        migrationBuilder.DropColumn("StartRotaJson", "SolveJobs");
        migrationBuilder.DropColumn("LeaseExpiresAt", "SolveJobs");
        migrationBuilder.DropColumn("LeaseOwner", "SolveJobs");
        migrationBuilder.DropColumn("LeaseId", "SolveJobs");
    }
}
