using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cmf.Core.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InstanceChangeAttribution : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ChangeOrigin",
                table: "Instances",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ChangedAt",
                table: "Instances",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChangedBy",
                table: "Instances",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ChangeOrigin",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "ChangedAt",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "ChangedBy",
                table: "Instances");
        }
    }
}
