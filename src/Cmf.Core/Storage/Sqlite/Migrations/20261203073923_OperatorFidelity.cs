using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cmf.Core.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OperatorFidelity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(name: "ReconciledAt", table: "Instances", type: "INTEGER", nullable: true);
            migrationBuilder.AddColumn<string>(name: "Stop", table: "Instances", type: "TEXT", nullable: false, defaultValue: "None");
            migrationBuilder.AddColumn<string>(name: "StopSavepointPath", table: "Instances", type: "TEXT", nullable: true);
            migrationBuilder.AddColumn<int>(name: "Count", table: "Events", type: "INTEGER", nullable: false, defaultValue: 1);
            migrationBuilder.AddColumn<string>(name: "Key", table: "Events", type: "TEXT", nullable: true);
            migrationBuilder.AddColumn<long>(name: "LastSeenAt", table: "Events", type: "INTEGER", nullable: true);
            migrationBuilder.AddColumn<bool>(name: "Departing", table: "Clusters", type: "INTEGER", nullable: false, defaultValue: false);
            migrationBuilder.AddColumn<string>(name: "SegmentsJson", table: "Clusters", type: "TEXT", nullable: true);
            migrationBuilder.AddColumn<string>(name: "StableInstanceUid", table: "Clusters", type: "TEXT", nullable: true);
            migrationBuilder.AddColumn<string>(name: "ErrorEpisodeJson", table: "Applications", type: "TEXT", nullable: true);

            // Existing instances stay. A stop for an upgrade keeps its meaning; the savepoint is not known.
            migrationBuilder.Sql("""UPDATE "Instances" SET "Stop" = 'Upgrade' WHERE "StoppedForUpgrade" = 1""");
            // An instance that ran or reported a state was taken on by the operator: it was not "never deployed".
            migrationBuilder.Sql(
                """
                UPDATE "Instances" SET "ReconciledAt" = COALESCE("StatusUpdatedAt", "CreatedAt")
                WHERE "JobState" IS NOT NULL OR EXISTS (SELECT 1 FROM "Clusters" c WHERE c."OwnerInstanceUid" = "Instances"."Uid")
                """);
            // The effective spec is now the observed spec (DESIGN 3.1): where environment defaults were merged in,
            // the submitted spec is what the cluster was given.
            migrationBuilder.Sql("""UPDATE "InstanceSpecs" SET "EffectiveSpecJson" = "SubmittedSpecJson" WHERE "EffectiveSpecJson" <> "SubmittedSpecJson" """);
            // Pending now means "observedGeneration below the latest generation"; the tracker rewrites it with the next status.
            migrationBuilder.Sql(
                """
                UPDATE "Applications" SET "PendingUpgrade" = ("ObjectDeleted" = 0 AND "LatestInstanceUid" IS NOT NULL
                    AND COALESCE("ObservedGeneration", 0) < (SELECT i."Generation" FROM "Instances" i WHERE i."Uid" = "Applications"."LatestInstanceUid"))
                """);

            migrationBuilder.DropColumn(name: "StoppedForUpgrade", table: "Instances");
            migrationBuilder.DropColumn(name: "SubmittedSpecJson", table: "InstanceSpecs");
            migrationBuilder.DropColumn(name: "LastStableGeneration", table: "Applications");
            migrationBuilder.DropColumn(name: "LastStableSpecHash", table: "Applications");

            migrationBuilder.CreateIndex(name: "IX_Events_ApplicationId_Key", table: "Events", columns: new[] { "ApplicationId", "Key" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Events_ApplicationId_Key",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "ReconciledAt",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "Stop",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "StopSavepointPath",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "Count",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "Key",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "LastSeenAt",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "Departing",
                table: "Clusters");

            migrationBuilder.DropColumn(
                name: "SegmentsJson",
                table: "Clusters");

            migrationBuilder.DropColumn(
                name: "StableInstanceUid",
                table: "Clusters");

            migrationBuilder.DropColumn(
                name: "ErrorEpisodeJson",
                table: "Applications");

            migrationBuilder.AddColumn<string>(
                name: "LastStableSpecHash",
                table: "Applications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "StoppedForUpgrade",
                table: "Instances",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "SubmittedSpecJson",
                table: "InstanceSpecs",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "LastStableGeneration",
                table: "Applications",
                type: "INTEGER",
                nullable: true);
        }
    }
}
