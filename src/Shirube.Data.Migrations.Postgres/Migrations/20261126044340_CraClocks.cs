using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shirube.Data.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CraClocks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "EarlyWarningSentAt",
                table: "Cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ExploitedSince",
                table: "Cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "FinalReportSentAt",
                table: "Cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "NotificationSentAt",
                table: "Cases",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "EarlyWarningSentAt",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ExploitedSince",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "FinalReportSentAt",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "NotificationSentAt",
                table: "Cases");
        }
    }
}
