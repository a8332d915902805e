using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ContinuityScheduler.Api.Data.Migrations;

/// <summary>
/// Schema version 3: one row per date a published rota covers, keyed by institution and date, so that the database
/// itself refuses a second published rota for a day however many publishes race (existing published rotas are entered
/// at start-up by Rotas.PublishedDates.BackfillAsync); and caregivers' secret calendar feed addresses, by hash.
/// </summary>
[DbContext(typeof(SchedulerDb))]
[Migration(Id)]
public sealed class M003PublishedDatesAndFeeds : Migration
{
    public const string Id = "20261201000003_PublishedDatesAndFeeds";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "PublishedDates",
            columns: table => new
            {
                InstitutionId = table.Column<string>(nullable: false),
                Date = table.Column<string>(nullable: false),
                RotaId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PublishedDates", x => new { x.InstitutionId, x.Date });
                table.ForeignKey("FK_PublishedDates_Institutions", x => x.InstitutionId, "Institutions", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_PublishedDates_RotaId", "PublishedDates", "RotaId");
        migrationBuilder.CreateTable(
            name: "CalendarFeeds",
            columns: table => new
            {
                Hash = table.Column<string>(nullable: false),
                InstitutionId = table.Column<string>(nullable: false),
                CaregiverId = table.Column<string>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                RevokedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CalendarFeeds", x => x.Hash);
                table.ForeignKey("FK_CalendarFeeds_Institutions", x => x.InstitutionId, "Institutions", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_CalendarFeeds_InstitutionId_CaregiverId", "CalendarFeeds", ["InstitutionId", "CaregiverId"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("CalendarFeeds");
        migrationBuilder.DropTable("PublishedDates");
    }
}
