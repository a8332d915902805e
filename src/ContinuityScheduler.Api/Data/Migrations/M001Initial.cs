using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ContinuityScheduler.Api.Data.Migrations;

/// <summary>Schema version 1: institutions, API keys, master data and rotas. Hand-written: the EF design-time package does not restore here.</summary>
[DbContext(typeof(SchedulerDb))]
[Migration(Id)]
public sealed class M001Initial : Migration
{
    public const string Id = "20261121000001_Initial";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Institutions",
            columns: table => new
            {
                Id = table.Column<string>(nullable: false),
                SettingsJson = table.Column<string>(nullable: false),
                Version = table.Column<int>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Institutions", x => x.Id));

        migrationBuilder.CreateTable(
            name: "ApiKeys",
            columns: table => new
            {
                Id = table.Column<string>(nullable: false),
                InstitutionId = table.Column<string>(nullable: false),
                Hash = table.Column<string>(nullable: false),
                Label = table.Column<string>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                RevokedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ApiKeys", x => x.Id);
                table.ForeignKey("FK_ApiKeys_Institutions", x => x.InstitutionId, "Institutions", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_ApiKeys_Hash", "ApiKeys", "Hash", unique: true);
        migrationBuilder.CreateIndex("IX_ApiKeys_InstitutionId", "ApiKeys", "InstitutionId");

        migrationBuilder.CreateTable(
            name: "Resources",
            columns: table => new
            {
                InstitutionId = table.Column<string>(nullable: false),
                Kind = table.Column<string>(nullable: false),
                Key = table.Column<string>(nullable: false),
                Json = table.Column<string>(nullable: false),
                Version = table.Column<int>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Resources", x => new { x.InstitutionId, x.Kind, x.Key });
                table.ForeignKey("FK_Resources_Institutions", x => x.InstitutionId, "Institutions", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Rotas",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                InstitutionId = table.Column<string>(nullable: false),
                HorizonStart = table.Column<string>(nullable: false),
                Weeks = table.Column<int>(nullable: false),
                Status = table.Column<string>(nullable: false),
                MadeBy = table.Column<string>(nullable: false),
                RotaJson = table.Column<string>(nullable: false),
                ProblemJson = table.Column<string>(nullable: false),
                Version = table.Column<int>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                PublishedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Rotas", x => x.Id);
                table.ForeignKey("FK_Rotas_Institutions", x => x.InstitutionId, "Institutions", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_Rotas_InstitutionId_HorizonStart", "Rotas", ["InstitutionId", "HorizonStart"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("Rotas");
        migrationBuilder.DropTable("Resources");
        migrationBuilder.DropTable("ApiKeys");
        migrationBuilder.DropTable("Institutions");
    }
}
