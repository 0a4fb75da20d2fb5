using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shirube.Data.Migrations.Sqlite.Migrations
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
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "IsDemo",
                table: "Stakeholders",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "IsDemo",
                table: "MaturityAssessments",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "IsDemo",
                table: "Incidents",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "IsDemo",
                table: "Cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "IsDemo",
                table: "Baselines",
                type: "INTEGER",
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
