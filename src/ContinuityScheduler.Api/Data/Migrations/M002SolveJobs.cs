using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ContinuityScheduler.Api.Data.Migrations;

/// <summary>Schema version 2: stored solve jobs, and the job each rota came from.</summary>
[DbContext(typeof(SchedulerDb))]
[Migration(Id)]
public sealed class M002SolveJobs : Migration
{
    public const string Id = "20261121000002_SolveJobs";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "SolveJobs",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                InstitutionId = table.Column<string>(nullable: false),
                Kind = table.Column<string>(nullable: false),
                State = table.Column<string>(nullable: false),
                RequestJson = table.Column<string>(nullable: false),
                ProblemJson = table.Column<string>(nullable: false),
                PublishedRotaJson = table.Column<string>(nullable: true),
                CancelRequested = table.Column<bool>(nullable: false),
                Attempts = table.Column<int>(nullable: false),
                ElapsedSeconds = table.Column<double>(nullable: true),
                Incumbent = table.Column<double>(nullable: true),
                Bound = table.Column<double>(nullable: true),
                SolverStatus = table.Column<string>(nullable: true),
                ResultJson = table.Column<string>(nullable: true),
                Error = table.Column<string>(nullable: true),
                RotaId = table.Column<Guid>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                StartedAt = table.Column<DateTime>(nullable: true),
                FinishedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SolveJobs", x => x.Id);
                table.ForeignKey("FK_SolveJobs_Institutions", x => x.InstitutionId, "Institutions", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_SolveJobs_State_CreatedAt", "SolveJobs", ["State", "CreatedAt"]);
        migrationBuilder.CreateIndex("IX_SolveJobs_InstitutionId", "SolveJobs", "InstitutionId");
        migrationBuilder.AddColumn<Guid>(name: "JobId", table: "Rotas", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn("JobId", "Rotas");
        migrationBuilder.DropTable("SolveJobs");
    }
}
