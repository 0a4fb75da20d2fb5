using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shirube.Data.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Advisories : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid[]>(
                name: "FixedVersions",
                table: "Cases",
                type: "uuid[]",
                nullable: false,
                defaultValue: new Guid[0]);

            migrationBuilder.CreateTable(
                name: "Advisories",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    BusinessUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    TrackingId = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Tlp = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    TitleJa = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    TitleEn = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    SummaryJa = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    SummaryEn = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    DetailsJa = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    DetailsEn = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    WorkaroundJa = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    WorkaroundEn = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    MitigationJa = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    MitigationEn = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    ImpactJa = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    ImpactEn = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    Acknowledgment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CweName = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Cvss31Vector = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    RevisionSummaryJa = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RevisionSummaryEn = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    LastEditedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    LastEditedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmittedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ApprovedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ApprovedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Fixes = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Advisories", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Advisories_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AdvisoryRevisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AdvisoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    BusinessUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SummaryJa = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    SummaryEn = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Release = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    PublishedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ApprovedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CsafJa = table.Column<string>(type: "text", nullable: false),
                    CsafEn = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdvisoryRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AdvisoryRevisions_Advisories_AdvisoryId",
                        column: x => x.AdvisoryId,
                        principalTable: "Advisories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Advisories_BusinessUnitId",
                table: "Advisories",
                column: "BusinessUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Advisories_CaseId",
                table: "Advisories",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Advisories_TrackingId",
                table: "Advisories",
                column: "TrackingId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AdvisoryRevisions_AdvisoryId_Number",
                table: "AdvisoryRevisions",
                columns: new[] { "AdvisoryId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AdvisoryRevisions");

            migrationBuilder.DropTable(
                name: "Advisories");

            migrationBuilder.DropColumn(
                name: "FixedVersions",
                table: "Cases");
        }
    }
}
