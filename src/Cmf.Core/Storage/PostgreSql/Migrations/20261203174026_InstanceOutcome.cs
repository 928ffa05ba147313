using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cmf.Core.Storage.PostgreSql.Migrations
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
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "OutcomeAt",
                table: "Instances",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OutcomeClusterUid",
                table: "Instances",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<int>(
                name: "OutcomeInstanceSequence",
                table: "Instances",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OutcomeInstanceUid",
                table: "Instances",
                type: "text",
                nullable: true,
                collation: "C");

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
