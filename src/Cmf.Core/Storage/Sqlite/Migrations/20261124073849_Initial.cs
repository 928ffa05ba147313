using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cmf.Core.Storage.Sqlite.Migrations
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Environment = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Namespace = table.Column<string>(type: "TEXT", nullable: false),
                    ObjectUid = table.Column<string>(type: "TEXT", nullable: true),
                    ResourceVersion = table.Column<string>(type: "TEXT", nullable: true),
                    Generation = table.Column<long>(type: "INTEGER", nullable: false),
                    ObjectDeleted = table.Column<bool>(type: "INTEGER", nullable: false),
                    LastSequence = table.Column<int>(type: "INTEGER", nullable: false),
                    JobState = table.Column<string>(type: "TEXT", nullable: true),
                    JobId = table.Column<string>(type: "TEXT", nullable: true),
                    JobName = table.Column<string>(type: "TEXT", nullable: true),
                    LifecycleState = table.Column<string>(type: "TEXT", nullable: true),
                    JobManagerDeploymentStatus = table.Column<string>(type: "TEXT", nullable: true),
                    ReconciliationState = table.Column<string>(type: "TEXT", nullable: true),
                    Error = table.Column<string>(type: "TEXT", nullable: true),
                    ObservedGeneration = table.Column<long>(type: "INTEGER", nullable: true),
                    UpgradeSavepointPath = table.Column<string>(type: "TEXT", nullable: true),
                    FlinkVersion = table.Column<string>(type: "TEXT", nullable: true),
                    UpgradeMode = table.Column<string>(type: "TEXT", nullable: true),
                    LastChangeAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastStableSpecHash = table.Column<string>(type: "TEXT", nullable: true),
                    LastStableGeneration = table.Column<long>(type: "INTEGER", nullable: true),
                    LastRejection = table.Column<string>(type: "TEXT", nullable: true),
                    PendingClustersJson = table.Column<string>(type: "TEXT", nullable: true),
                    CurrentInstanceUid = table.Column<string>(type: "TEXT", nullable: true),
                    CurrentInstanceSequence = table.Column<int>(type: "INTEGER", nullable: true),
                    LatestInstanceUid = table.Column<string>(type: "TEXT", nullable: true),
                    LatestInstanceSequence = table.Column<int>(type: "INTEGER", nullable: true),
                    InstanceCount = table.Column<int>(type: "INTEGER", nullable: false),
                    PendingUpgrade = table.Column<bool>(type: "INTEGER", nullable: false),
                    LastCommit = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Applications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Environments",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Namespace = table.Column<string>(type: "TEXT", nullable: false),
                    DefaultsJson = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Environments", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "PrunedInstances",
                columns: table => new
                {
                    Uid = table.Column<string>(type: "TEXT", nullable: false),
                    Environment = table.Column<string>(type: "TEXT", nullable: false),
                    ApplicationName = table.Column<string>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    PrunedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PrunedInstances", x => x.Uid);
                });

            migrationBuilder.CreateTable(
                name: "WatchPositions",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    ResourceVersion = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WatchPositions", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "Clusters",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Uid = table.Column<string>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    OwnerInstanceUid = table.Column<string>(type: "TEXT", nullable: false),
                    OwnerSource = table.Column<string>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndIsApproximate = table.Column<bool>(type: "INTEGER", nullable: false),
                    ResourceVersion = table.Column<string>(type: "TEXT", nullable: true),
                    Generation = table.Column<long>(type: "INTEGER", nullable: true),
                    DeploymentType = table.Column<string>(type: "TEXT", nullable: true)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<long>(type: "INTEGER", nullable: false),
                    Timestamp = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", nullable: false),
                    CmfType = table.Column<string>(type: "TEXT", nullable: false),
                    Message = table.Column<string>(type: "TEXT", nullable: false),
                    InstanceUid = table.Column<string>(type: "TEXT", nullable: true),
                    ClusterUid = table.Column<string>(type: "TEXT", nullable: true),
                    NewStatus = table.Column<string>(type: "TEXT", nullable: true)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Uid = table.Column<string>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<long>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    ObjectUid = table.Column<string>(type: "TEXT", nullable: false),
                    Generation = table.Column<long>(type: "INTEGER", nullable: false),
                    SpecHash = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SupersededAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    JobState = table.Column<string>(type: "TEXT", nullable: true),
                    JobId = table.Column<string>(type: "TEXT", nullable: true),
                    LifecycleState = table.Column<string>(type: "TEXT", nullable: true),
                    Error = table.Column<string>(type: "TEXT", nullable: true),
                    StoppedForUpgrade = table.Column<bool>(type: "INTEGER", nullable: false),
                    StatusUpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FlinkVersion = table.Column<string>(type: "TEXT", nullable: true),
                    UpgradeMode = table.Column<string>(type: "TEXT", nullable: true)
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
                    InstanceId = table.Column<long>(type: "INTEGER", nullable: false),
                    EffectiveSpecJson = table.Column<string>(type: "TEXT", nullable: false),
                    SubmittedSpecJson = table.Column<string>(type: "TEXT", nullable: false)
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
                name: "Instances");

            migrationBuilder.DropTable(
                name: "Applications");
        }
    }
}
