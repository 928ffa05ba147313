using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cmf.Core.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InstanceOutcome : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Outcome",
                table: "Instances",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "OutcomeAt",
                table: "Instances",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OutcomeClusterUid",
                table: "Instances",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OutcomeInstanceSequence",
                table: "Instances",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OutcomeInstanceUid",
                table: "Instances",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Instances_Outcome_CreatedAt_Id",
                table: "Instances",
                columns: new[] { "Outcome", "CreatedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Instances_Outcome_CreatedAt_Id",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "Outcome",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "OutcomeAt",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "OutcomeClusterUid",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "OutcomeInstanceSequence",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "OutcomeInstanceUid",
                table: "Instances");
        }
    }
}
