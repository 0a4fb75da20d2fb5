using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shirube.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Organisation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PsirtOrganisation",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Setup = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PsirtOrganisation", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Stakeholders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    NameJa = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    WebPage = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    PreferredLanguage = table.Column<string>(type: "TEXT", maxLength: 35, nullable: true),
                    EncryptionKey = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    PurlKeys = table.Column<string>(type: "TEXT", nullable: false),
                    CpeVendors = table.Column<string>(type: "TEXT", nullable: false),
                    ProductIds = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Stakeholders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PsirtMembers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Role = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Commitment = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TimeSharePercent = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PsirtMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PsirtMembers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_PsirtMembers_Stakeholders_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Stakeholders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "RaciAssignments",
                columns: table => new
                {
                    ServiceId = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RaciAssignments", x => new { x.ServiceId, x.DepartmentId });
                    table.ForeignKey(
                        name: "FK_RaciAssignments_Stakeholders_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Stakeholders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PsirtMembers_DepartmentId",
                table: "PsirtMembers",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_PsirtMembers_UserId",
                table: "PsirtMembers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_RaciAssignments_DepartmentId",
                table: "RaciAssignments",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Stakeholders_Kind",
                table: "Stakeholders",
                column: "Kind");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PsirtMembers");

            migrationBuilder.DropTable(
                name: "PsirtOrganisation");

            migrationBuilder.DropTable(
                name: "RaciAssignments");

            migrationBuilder.DropTable(
                name: "Stakeholders");
        }
    }
}
