using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cmf.Core.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ChangeSummaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ChangeKinds",
                table: "Instances",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ChangeSummary",
                table: "Instances",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChangedConfigurationKeys",
                table: "Instances",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Instances_CreatedAt_Id",
                table: "Instances",
                columns: new[] { "CreatedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Instances_CreatedAt_Id",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "ChangeKinds",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "ChangeSummary",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "ChangedConfigurationKeys",
                table: "Instances");
        }
    }
}
