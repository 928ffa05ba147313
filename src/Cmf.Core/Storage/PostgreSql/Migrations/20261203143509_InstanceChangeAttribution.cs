using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cmf.Core.Storage.PostgreSql.Migrations
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
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<long>(
                name: "ChangedAt",
                table: "Instances",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChangedBy",
                table: "Instances",
                type: "text",
                nullable: true,
                collation: "C");
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
