using System.Text.Json;
using Cmf.Core.Specs;
using Cmf.Core.Tracking;

namespace Cmf.UnitTests.RealWorld;

/// <summary>
/// FlinkStateSnapshots written by IBM's build of FKO and a FlinkSessionJob cut short before its status: kinds the
/// dashboard does not track yet. They must parse, and the mapper must reject them clearly rather than throw.
/// </summary>
public sealed class UntrackedKindTests
{
    public const string SnapshotStatusFragment = "flinkstatesnapshot-ibm-ep-savepoint-completed-status-fragment.yaml";
    public const string MigrationSavepoint = "flinkstatesnapshot-ibm-migration-doc-upgrade-savepoint.yaml";
    public const string TruncatedSessionJob = "flinksessionjob-hoptimator-pr143-truncated-no-status.yaml";

    [Fact]
    public void The_snapshot_status_fragment_shows_a_completed_savepoint_with_an_integer_failure_count()
    {
        var fragment = RealWorldFile.Open(SnapshotStatusFragment).YamlObject();

        var failures = Nodes.At(fragment, "status", "failures")!;

        Assert.Equal((JsonValueKind.Number, 0), (failures.GetValueKind(), failures.GetValue<int>()));
        Assert.Equal(
            ("COMPLETED", "file:/opt/flink/volume/flink-sp/savepoint-caf2b2-39d09a1c170c"),
            (Nodes.Text(fragment, "status", "state"), Nodes.Text(fragment, "status", "path")));
    }

    [Fact]
    public void The_snapshot_status_fragment_is_rejected_for_its_missing_kind_and_metadata()
    {
        var fragment = RealWorldFile.Open(SnapshotStatusFragment).YamlObject();

        Assert.Equal("kind: missing", Assert.IsType<ResourceRejected>(RealWorldMapping.MapWatchEvent(fragment)).Reason);
        Assert.Equal("metadata: missing", RealWorldMapping.RejectedAsFlinkDeployment(fragment).Reason);
    }

    [Fact]
    public void The_migration_doc_pairs_an_upgrade_savepoint_path_with_the_snapshot_that_holds_it()
    {
        var documents = RealWorldFile.Open(MigrationSavepoint).YamlDocuments();
        var fields = new JsonFieldReader();

        var status = FlinkDeploymentStatusReader.Read(Assert.IsType<System.Text.Json.Nodes.JsonObject>(documents[0]), fields);
        var snapshot = documents[1];

        Assert.Equal(2, documents.Count);
        Assert.Null(fields.Error);
        Assert.Equal("file:/opt/flink/volume/flink-sp/savepoint-e574c6-638b6089cdd2", status.JobStatus?.UpgradeSavepointPath);
        Assert.Equal(status.JobStatus?.UpgradeSavepointPath, Nodes.Text(snapshot, "spec", "savepoint", "path"));
    }

    [Fact]
    public void The_upgrade_snapshot_is_labelled_by_state_trigger_and_type_and_references_its_flink_deployment()
    {
        var snapshot = RealWorldFile.Open(MigrationSavepoint).YamlDocuments()[1];

        Assert.Equal("FlinkStateSnapshot", Nodes.Text(snapshot, "kind"));
        Assert.Equal(
            ["snapshot.state=COMPLETED", "snapshot.trigger-type=UPGRADE", "snapshot.type=SAVEPOINT"],
            Nodes.Object(snapshot, "metadata", "labels").Select(l => l.Key + "=" + l.Value!.GetValue<string>()));
        Assert.Equal("<flink-deployment-name>-upgrade-1782304978581", Nodes.Text(snapshot, "metadata", "name"));
        Assert.Equal(("FlinkDeployment", "<flink-deployment-name>"), (Nodes.Text(snapshot, "spec", "jobReference", "kind"), Nodes.Text(snapshot, "spec", "jobReference", "name")));
        Assert.True(Nodes.At(snapshot, "spec", "savepoint", "alreadyExists")!.GetValue<bool>());
        Assert.Equal("COMPLETED", Nodes.Text(snapshot, "status", "state"));
    }

    [Fact]
    public void Both_migration_documents_are_rejected_clearly_by_the_mapper()
    {
        var documents = RealWorldFile.Open(MigrationSavepoint).YamlDocuments();

        Assert.Equal("metadata: missing", RealWorldMapping.RejectedAsFlinkDeployment(documents[0]).Reason);
        Assert.Equal("kind: expected FlinkDeployment, found \"FlinkStateSnapshot\"", RealWorldMapping.RejectedAsFlinkDeployment(documents[1]).Reason);
        Assert.Equal(
            "kind: expected FlinkDeployment, Deployment or Pod, found \"FlinkStateSnapshot\"",
            Assert.IsType<ResourceRejected>(RealWorldMapping.MapWatchEvent(documents[1])).Reason);
    }

    [Fact]
    public void The_truncated_session_job_shows_its_metadata_and_spec_and_no_status()
    {
        var file = RealWorldFile.Open(TruncatedSessionJob);
        var job = file.YamlObject();

        Assert.Contains(file.Header, l => l.StartsWith("# TRUNCATED", StringComparison.Ordinal));
        Assert.Equal(("FlinkSessionJob", "kafka-database-new-topic-2", "6"), (Nodes.Text(job, "kind"), Nodes.Text(job, "metadata", "name"), Nodes.At(job, "metadata", "generation")!.ToJsonString()));
        Assert.Equal(["flinksessionjobs.flink.apache.org/finalizer"], Nodes.Array(job, "metadata", "finalizers").Select(f => f!.GetValue<string>()));
        Assert.Equal("basic-session-deployment", Nodes.Text(job, "spec", "deploymentName"));
        Assert.Null(Nodes.At(job, "status"));
    }

    [Fact]
    public void The_session_jobs_owner_is_a_hoptimator_pipeline_without_controller_fields()
    {
        var owner = Nodes.Object(RealWorldFile.Open(TruncatedSessionJob).YamlObject(), "metadata", "ownerReferences", "0");

        Assert.Equal(("Pipeline", "kafka-new-topic-2", "hoptimator.linkedin.com/v1alpha1"), (Nodes.Text(owner, "kind"), Nodes.Text(owner, "name"), Nodes.Text(owner, "apiVersion")));
        Assert.False(owner.ContainsKey("controller"));
        Assert.False(owner.ContainsKey("blockOwnerDeletion"));
    }

    [Fact]
    public void The_session_jobs_sql_arguments_end_where_the_source_was_cut()
    {
        var args = Nodes.Array(RealWorldFile.Open(TruncatedSessionJob).YamlObject(), "spec", "job", "args");

        Assert.Equal(4, args.Count);
        Assert.Equal("CREATE DATABASE IF NOT EXISTS `KAFKA` WITH ();", args[0]!.GetValue<string>());
        Assert.EndsWith("WITH ('connector'='kafka'", args[3]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_session_job_is_rejected_by_kind_under_its_own_name()
    {
        var job = RealWorldFile.Open(TruncatedSessionJob).YamlObject();

        var fromWatch = Assert.IsType<ResourceRejected>(RealWorldMapping.MapWatchEvent(job));

        Assert.Equal("kind: expected FlinkDeployment, found \"FlinkSessionJob\"", RealWorldMapping.RejectedAsFlinkDeployment(job).Reason);
        Assert.Equal(("kind: expected FlinkDeployment, Deployment or Pod, found \"FlinkSessionJob\"", "kafka-database-new-topic-2"), (fromWatch.Reason, fromWatch.Application.Name));
    }
}
