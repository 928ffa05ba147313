using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cmf.Core.Storage.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ChangeHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ChangeKinds",
                table: "Instances",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ChangeOrigin",
                table: "Instances",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "ChangeSummary",
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

            migrationBuilder.AddColumn<string>(
                name: "ChangedConfigurationKeys",
                table: "Instances",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "DiffType",
                table: "Instances",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EventType",
                table: "Events",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "Reason",
                table: "Events",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "Events",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.CreateTable(
                name: "Snapshots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<long>(type: "bigint", nullable: false),
                    Uid = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ResourceVersion = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    InstanceUid = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    SeenAt = table.Column<long>(type: "bigint", nullable: false),
                    SnapshotType = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    TriggerType = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    State = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Path = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Error = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Failures = table.Column<int>(type: "integer", nullable: false),
                    TriggeredAt = table.Column<long>(type: "bigint", nullable: true),
                    ResultAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Snapshots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Snapshots_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Instances_CreatedAt_Id",
                table: "Instances",
                columns: new[] { "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Snapshots_ApplicationId_CreatedAt",
                table: "Snapshots",
                columns: new[] { "ApplicationId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Snapshots_Uid",
                table: "Snapshots",
                column: "Uid",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Snapshots");

            migrationBuilder.DropIndex(
                name: "IX_Instances_CreatedAt_Id",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "ChangeKinds",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "ChangeOrigin",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "ChangeSummary",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "ChangedAt",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "ChangedBy",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "ChangedConfigurationKeys",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "DiffType",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "EventType",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "Reason",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "Events");
        }
    }
}
