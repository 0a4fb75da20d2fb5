using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shirube.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Components : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Findings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BusinessUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProductId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProductVersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ComponentKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ComponentRef = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ComponentName = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ComponentVersion = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ComponentPurl = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ComponentCpe = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    VulnerabilityId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Aliases = table.Column<string>(type: "TEXT", nullable: false),
                    CveId = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    MatchedBy = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CvssVector = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CvssScore = table.Column<decimal>(type: "TEXT", precision: 3, scale: 1, nullable: true),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Justification = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Suppressed = table.Column<bool>(type: "INTEGER", nullable: false),
                    SuppressionReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ResolvedByAbsence = table.Column<bool>(type: "INTEGER", nullable: false),
                    FirstSeen = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastSeen = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Findings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Findings_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Findings_ProductVersions_ProductVersionId",
                        column: x => x.ProductVersionId,
                        principalTable: "ProductVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Sboms",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BusinessUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProductId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProductVersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SpecVersion = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ImportedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ComponentCount = table.Column<int>(type: "INTEGER", nullable: false),
                    WithPurl = table.Column<int>(type: "INTEGER", nullable: false),
                    WithCpe = table.Column<int>(type: "INTEGER", nullable: false),
                    DependencyCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sboms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Sboms_ProductVersions_ProductVersionId",
                        column: x => x.ProductVersionId,
                        principalTable: "ProductVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Vulnerabilities",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Modified = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Published = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Withdrawn = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Details = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    CvssVector = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CvssScore = table.Column<decimal>(type: "TEXT", precision: 3, scale: 1, nullable: true),
                    Aliases = table.Column<string>(type: "TEXT", nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Vulnerabilities", x => new { x.Source, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "FindingHistory",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FindingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Justification = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FindingHistory", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FindingHistory_Findings_FindingId",
                        column: x => x.FindingId,
                        principalTable: "Findings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SbomComponents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SbomId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BusinessUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProductVersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Ref = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Version = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Type = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Purl = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Cpe = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Supplier = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Licences = table.Column<string>(type: "TEXT", nullable: false),
                    Hashes = table.Column<string>(type: "TEXT", nullable: false),
                    ParentRef = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    IsSubject = table.Column<bool>(type: "INTEGER", nullable: false),
                    Ecosystem = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ShortName = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    PurlBase = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CpeVendor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CpeProduct = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SbomComponents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SbomComponents_Sboms_SbomId",
                        column: x => x.SbomId,
                        principalTable: "Sboms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SbomDependencies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SbomId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromRef = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ToRef = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SbomDependencies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SbomDependencies_Sboms_SbomId",
                        column: x => x.SbomId,
                        principalTable: "Sboms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VulnerabilityAliases",
                columns: table => new
                {
                    Source = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    RecordId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Alias = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VulnerabilityAliases", x => new { x.Source, x.RecordId, x.Alias });
                    table.ForeignKey(
                        name: "FK_VulnerabilityAliases_Vulnerabilities_Source_RecordId",
                        columns: x => new { x.Source, x.RecordId },
                        principalTable: "Vulnerabilities",
                        principalColumns: new[] { "Source", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VulnerabilityPackages",
                columns: table => new
                {
                    Source = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    RecordId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Ecosystem = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VulnerabilityPackages", x => new { x.Source, x.RecordId, x.Ecosystem, x.Name });
                    table.ForeignKey(
                        name: "FK_VulnerabilityPackages_Vulnerabilities_Source_RecordId",
                        columns: x => new { x.Source, x.RecordId },
                        principalTable: "Vulnerabilities",
                        principalColumns: new[] { "Source", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FindingHistory_FindingId",
                table: "FindingHistory",
                column: "FindingId");

            migrationBuilder.CreateIndex(
                name: "IX_Findings_BusinessUnitId",
                table: "Findings",
                column: "BusinessUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Findings_CaseId",
                table: "Findings",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Findings_CveId",
                table: "Findings",
                column: "CveId");

            migrationBuilder.CreateIndex(
                name: "IX_Findings_FirstSeen",
                table: "Findings",
                column: "FirstSeen");

            migrationBuilder.CreateIndex(
                name: "IX_Findings_ProductId",
                table: "Findings",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_Findings_ProductVersionId_ComponentKey_VulnerabilityId",
                table: "Findings",
                columns: new[] { "ProductVersionId", "ComponentKey", "VulnerabilityId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Findings_VulnerabilityId",
                table: "Findings",
                column: "VulnerabilityId");

            migrationBuilder.CreateIndex(
                name: "IX_SbomComponents_BusinessUnitId",
                table: "SbomComponents",
                column: "BusinessUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_SbomComponents_CpeProduct_CpeVendor",
                table: "SbomComponents",
                columns: new[] { "CpeProduct", "CpeVendor" });

            migrationBuilder.CreateIndex(
                name: "IX_SbomComponents_NormalizedName_Ecosystem",
                table: "SbomComponents",
                columns: new[] { "NormalizedName", "Ecosystem" });

            migrationBuilder.CreateIndex(
                name: "IX_SbomComponents_ProductVersionId",
                table: "SbomComponents",
                column: "ProductVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_SbomComponents_PurlBase",
                table: "SbomComponents",
                column: "PurlBase");

            migrationBuilder.CreateIndex(
                name: "IX_SbomComponents_SbomId",
                table: "SbomComponents",
                column: "SbomId");

            migrationBuilder.CreateIndex(
                name: "IX_SbomComponents_ShortName",
                table: "SbomComponents",
                column: "ShortName");

            migrationBuilder.CreateIndex(
                name: "IX_SbomDependencies_SbomId",
                table: "SbomDependencies",
                column: "SbomId");

            migrationBuilder.CreateIndex(
                name: "IX_Sboms_BusinessUnitId",
                table: "Sboms",
                column: "BusinessUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Sboms_ProductId",
                table: "Sboms",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_Sboms_ProductVersionId",
                table: "Sboms",
                column: "ProductVersionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Vulnerabilities_Id",
                table: "Vulnerabilities",
                column: "Id");

            migrationBuilder.CreateIndex(
                name: "IX_Vulnerabilities_Modified",
                table: "Vulnerabilities",
                column: "Modified");

            migrationBuilder.CreateIndex(
                name: "IX_VulnerabilityAliases_Alias",
                table: "VulnerabilityAliases",
                column: "Alias");

            migrationBuilder.CreateIndex(
                name: "IX_VulnerabilityPackages_Name_Ecosystem",
                table: "VulnerabilityPackages",
                columns: new[] { "Name", "Ecosystem" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FindingHistory");

            migrationBuilder.DropTable(
                name: "SbomComponents");

            migrationBuilder.DropTable(
                name: "SbomDependencies");

            migrationBuilder.DropTable(
                name: "VulnerabilityAliases");

            migrationBuilder.DropTable(
                name: "VulnerabilityPackages");

            migrationBuilder.DropTable(
                name: "Findings");

            migrationBuilder.DropTable(
                name: "Sboms");

            migrationBuilder.DropTable(
                name: "Vulnerabilities");
        }
    }
}
