using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shirube.Data.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ExampleStory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsDemo",
                table: "TrainingCourses",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "IsDemo",
                table: "Stakeholders",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "IsDemo",
                table: "MaturityAssessments",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "IsDemo",
                table: "Incidents",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "IsDemo",
                table: "Cases",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "IsDemo",
                table: "Baselines",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IsDemo",
                table: "TrainingCourses");

            migrationBuilder.DropColumn(
                name: "IsDemo",
                table: "Stakeholders");

            migrationBuilder.DropColumn(
                name: "IsDemo",
                table: "MaturityAssessments");

            migrationBuilder.DropColumn(
                name: "IsDemo",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "IsDemo",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "IsDemo",
                table: "Baselines");
        }
    }
}
