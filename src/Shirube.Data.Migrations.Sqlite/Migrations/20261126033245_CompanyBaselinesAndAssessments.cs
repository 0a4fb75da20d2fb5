using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shirube.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CompanyBaselinesAndAssessments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RequiredLevelSet",
                table: "Products",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "ProductId",
                table: "Baselines",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<Guid>(
                name: "BusinessUnitId",
                table: "Baselines",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AddColumn<string>(
                name: "Field",
                table: "Baselines",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ParentId",
                table: "Baselines",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ParentVersion",
                table: "Baselines",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "Inherited",
                table: "BaselineItems",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "Assessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BaselineId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BaselineVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    ProductId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProductVersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BusinessUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Assessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Assessments_Baselines_BaselineId",
                        column: x => x.BaselineId,
                        principalTable: "Baselines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Assessments_ProductVersions_ProductVersionId",
                        column: x => x.ProductVersionId,
                        principalTable: "ProductVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentEntries",
                columns: table => new
                {
                    AssessmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Justification = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Links = table.Column<string>(type: "TEXT", nullable: false),
                    Assessor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AssessedOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentEntries", x => new { x.AssessmentId, x.Key });
                    table.ForeignKey(
                        name: "FK_AssessmentEntries_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EvidenceFiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvidenceFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvidenceFiles_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EvidenceBlobs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvidenceBlobs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvidenceBlobs_EvidenceFiles_Id",
                        column: x => x.Id,
                        principalTable: "EvidenceFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Baselines_ParentId",
                table: "Baselines",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_BaselineId",
                table: "Assessments",
                column: "BaselineId");

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_BusinessUnitId",
                table: "Assessments",
                column: "BusinessUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_ProductId",
                table: "Assessments",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_ProductVersionId",
                table: "Assessments",
                column: "ProductVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceFiles_AssessmentId_Key",
                table: "EvidenceFiles",
                columns: new[] { "AssessmentId", "Key" });

            migrationBuilder.AddForeignKey(
                name: "FK_Baselines_Baselines_ParentId",
                table: "Baselines",
                column: "ParentId",
                principalTable: "Baselines",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Baselines_Baselines_ParentId",
                table: "Baselines");

            migrationBuilder.DropTable(
                name: "AssessmentEntries");

            migrationBuilder.DropTable(
                name: "EvidenceBlobs");

            migrationBuilder.DropTable(
                name: "EvidenceFiles");

            migrationBuilder.DropTable(
                name: "Assessments");

            migrationBuilder.DropIndex(
                name: "IX_Baselines_ParentId",
                table: "Baselines");

            migrationBuilder.DropColumn(
                name: "RequiredLevelSet",
                table: "Products");

            migrationBuilder.DropColumn(
                name: "Field",
                table: "Baselines");

            migrationBuilder.DropColumn(
                name: "ParentId",
                table: "Baselines");

            migrationBuilder.DropColumn(
                name: "ParentVersion",
                table: "Baselines");

            migrationBuilder.DropColumn(
                name: "Inherited",
                table: "BaselineItems");

            migrationBuilder.AlterColumn<Guid>(
                name: "ProductId",
                table: "Baselines",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "BusinessUnitId",
                table: "Baselines",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}
