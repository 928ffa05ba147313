using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cmf.Core.Storage.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Applications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Environment = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Namespace = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ObjectUid = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ResourceVersion = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Generation = table.Column<long>(type: "bigint", nullable: false),
                    ObjectDeleted = table.Column<bool>(type: "boolean", nullable: false),
                    LastSequence = table.Column<int>(type: "integer", nullable: false),
                    JobState = table.Column<string>(type: "text", nullable: true),
                    JobId = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    JobName = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    LifecycleState = table.Column<string>(type: "text", nullable: true),
                    JobManagerDeploymentStatus = table.Column<string>(type: "text", nullable: true),
                    ReconciliationState = table.Column<string>(type: "text", nullable: true),
                    Error = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ObservedGeneration = table.Column<long>(type: "bigint", nullable: true),
                    UpgradeSavepointPath = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    FlinkVersion = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    UpgradeMode = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    LastChangeAt = table.Column<long>(type: "bigint", nullable: true),
                    ErrorEpisodeJson = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    LastRejection = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    PendingClustersJson = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    CurrentInstanceUid = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    CurrentInstanceSequence = table.Column<int>(type: "integer", nullable: true),
                    LatestInstanceUid = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    LatestInstanceSequence = table.Column<int>(type: "integer", nullable: true),
                    InstanceCount = table.Column<int>(type: "integer", nullable: false),
                    PendingUpgrade = table.Column<bool>(type: "boolean", nullable: false),
                    LastCommit = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Applications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataVersion",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataVersion", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Environments",
                columns: table => new
                {
                    Name = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Namespace = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    DefaultsJson = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Environments", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "PrunedInstances",
                columns: table => new
                {
                    Uid = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Environment = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ApplicationName = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    PrunedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PrunedInstances", x => x.Uid);
                });

            migrationBuilder.CreateTable(
                name: "WatchPositions",
                columns: table => new
                {
                    Name = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ResourceVersion = table.Column<string>(type: "text", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WatchPositions", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "WriterEpoch",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Epoch = table.Column<long>(type: "bigint", nullable: false),
                    Holder = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ClaimedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WriterEpoch", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Clusters",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Uid = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ApplicationId = table.Column<long>(type: "bigint", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    OwnerInstanceUid = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    OwnerSource = table.Column<string>(type: "text", nullable: false),
                    StartedAt = table.Column<long>(type: "bigint", nullable: false),
                    EndedAt = table.Column<long>(type: "bigint", nullable: true),
                    EndIsApproximate = table.Column<bool>(type: "boolean", nullable: false),
                    ResourceVersion = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Generation = table.Column<long>(type: "bigint", nullable: true),
                    DeploymentType = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    SegmentsJson = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    StableInstanceUid = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Departing = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Clusters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Clusters_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<long>(type: "bigint", nullable: false),
                    Timestamp = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "text", nullable: false),
                    CmfType = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Message = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    InstanceUid = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ClusterUid = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    NewStatus = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Key = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Count = table.Column<int>(type: "integer", nullable: false, defaultValue: 1),
                    LastSeenAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Events_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Instances",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Uid = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ApplicationId = table.Column<long>(type: "bigint", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    ObjectUid = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Generation = table.Column<long>(type: "bigint", nullable: false),
                    SpecHash = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    SupersededAt = table.Column<long>(type: "bigint", nullable: true),
                    EndedAt = table.Column<long>(type: "bigint", nullable: true),
                    JobState = table.Column<string>(type: "text", nullable: true),
                    JobId = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    LifecycleState = table.Column<string>(type: "text", nullable: true),
                    Error = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Stop = table.Column<string>(type: "text", nullable: false),
                    StopSavepointPath = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ReconciledAt = table.Column<long>(type: "bigint", nullable: true),
                    StatusUpdatedAt = table.Column<long>(type: "bigint", nullable: true),
                    FlinkVersion = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    UpgradeMode = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Instances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Instances_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InstanceSpecs",
                columns: table => new
                {
                    InstanceId = table.Column<long>(type: "bigint", nullable: false),
                    EffectiveSpecJson = table.Column<string>(type: "text", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InstanceSpecs", x => x.InstanceId);
                    table.ForeignKey(
                        name: "FK_InstanceSpecs_Instances_InstanceId",
                        column: x => x.InstanceId,
                        principalTable: "Instances",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_Environment_InstanceCount",
                table: "Applications",
                columns: new[] { "Environment", "InstanceCount" });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_Environment_JobState",
                table: "Applications",
                columns: new[] { "Environment", "JobState" });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_Environment_LastChangeAt",
                table: "Applications",
                columns: new[] { "Environment", "LastChangeAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_Environment_Name",
                table: "Applications",
                columns: new[] { "Environment", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Applications_InstanceCount",
                table: "Applications",
                column: "InstanceCount");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_JobState",
                table: "Applications",
                column: "JobState");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_LastChangeAt",
                table: "Applications",
                column: "LastChangeAt");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_LastCommit",
                table: "Applications",
                column: "LastCommit");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_Name_Environment",
                table: "Applications",
                columns: new[] { "Name", "Environment" });

            migrationBuilder.CreateIndex(
                name: "IX_Clusters_ApplicationId_StartedAt",
                table: "Clusters",
                columns: new[] { "ApplicationId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Clusters_Uid",
                table: "Clusters",
                column: "Uid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Events_ApplicationId_Id",
                table: "Events",
                columns: new[] { "ApplicationId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Events_ApplicationId_Key",
                table: "Events",
                columns: new[] { "ApplicationId", "Key" });

            migrationBuilder.CreateIndex(
                name: "IX_Instances_ApplicationId_CreatedAt",
                table: "Instances",
                columns: new[] { "ApplicationId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Instances_ApplicationId_Sequence",
                table: "Instances",
                columns: new[] { "ApplicationId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Instances_Uid",
                table: "Instances",
                column: "Uid",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Clusters");

            migrationBuilder.DropTable(
                name: "DataVersion");

            migrationBuilder.DropTable(
                name: "Environments");

            migrationBuilder.DropTable(
                name: "Events");

            migrationBuilder.DropTable(
                name: "InstanceSpecs");

            migrationBuilder.DropTable(
                name: "PrunedInstances");

            migrationBuilder.DropTable(
                name: "WatchPositions");

            migrationBuilder.DropTable(
                name: "WriterEpoch");

            migrationBuilder.DropTable(
                name: "Instances");

            migrationBuilder.DropTable(
                name: "Applications");
        }
    }
}
