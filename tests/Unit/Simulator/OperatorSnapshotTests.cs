using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Cmf.Simulator.Operator;
using Cmf.Simulator.Store;
using Cmf.UnitTests.Simulator.Support;

namespace Cmf.UnitTests.Simulator;

/// <summary>
/// FlinkStateSnapshot resources as FKO 1.10+ writes them: upgrade savepoints recorded as completed snapshots, periodic and
/// manual savepoints taken through TRIGGER_PENDING, IN_PROGRESS and COMPLETED, failing ones, and their Events.
/// </summary>
public sealed class OperatorSnapshotTests
{
    private const string SavepointDirectory = "file:///flink-data/savepoints";
    private static readonly TimeSpan Settle = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task An_upgrade_savepoint_is_a_completed_upgrade_snapshot_and_the_new_job_starts_from_its_path()
    {
        await using var cluster = await ObservedCluster.StartAsync();
        await cluster.CreateAsync(FlinkDeploymentBuilder.Named("payments").WithUpgradeMode("savepoint").WithHighAvailability().Build());
        await cluster.AdvanceAsync(Settle);
        await using var snapshots = await ObservedSnapshots.StartAsync(cluster);

        await cluster.PatchAsync("payments", OperatorUpgradeTests.Parallelism(3));
        await snapshots.AdvanceAsync(Settle);

        var snapshot = Assert.Single(await snapshots.ListAsync());
        var name = ObservedSnapshots.Name(snapshot);
        Assert.Matches("^payments-savepoint-upgrade-[0-9]{13}$", name);
        Assert.Equal(["", "COMPLETED"], snapshots.StatesOf(name));
        var status = FlinkStatusView.Of(await cluster.GetAsync("payments"));
        var path = ObservedSnapshots.Status(snapshot, "path");
        Assert.StartsWith(SavepointDirectory + "/savepoint-", path, StringComparison.Ordinal);
        Assert.Equal(path, (await cluster.GetAsync("payments"))["status"]!["jobStatus"]!["upgradeSavepointPath"]!.GetValue<string>());
        Assert.Equal(path, cluster.Server.Operator!.RestoredFromOf(new ObjectKey("default", "payments")));
        Assert.Equal("STABLE RUNNING READY DEPLOYED", status.Brief);
        Assert.Equal(ObservedSnapshots.Status(snapshot, "triggerTimestamp"), ObservedSnapshots.Status(snapshot, "resultTimestamp"));
        Assert.Equal("0", ObservedSnapshots.Status(snapshot, "failures"));
        Assert.Null(ObservedSnapshots.Status(snapshot, "error"));
    }

    [Fact]
    public async Task An_upgrade_snapshot_carries_the_operators_labels_spec_and_finalizer_and_no_owner()
    {
        await using var cluster = await ObservedCluster.StartAsync();
        await cluster.CreateAsync(FlinkDeploymentBuilder.Named("payments").WithUpgradeMode("savepoint").WithHighAvailability().Build());
        await cluster.AdvanceAsync(Settle);
        await using var snapshots = await ObservedSnapshots.StartAsync(cluster);

        await cluster.PatchAsync("payments", OperatorUpgradeTests.Parallelism(3));
        await snapshots.AdvanceAsync(Settle);

        var snapshot = Assert.Single(await snapshots.ListAsync());
        var labels = snapshot["metadata"]!["labels"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());
        Assert.Equal(new Dictionary<string, string>
        {
            ["snapshot.type"] = "SAVEPOINT",
            ["snapshot.trigger-type"] = "UPGRADE",
            ["snapshot.state"] = "COMPLETED",
            ["job-reference.kind"] = "FlinkDeployment",
            ["job-reference.name"] = "payments",
        }, labels);
        var spec = snapshot["spec"]!;
        Assert.Equal("FlinkDeployment", spec["jobReference"]!["kind"]!.GetValue<string>());
        Assert.Equal("payments", spec["jobReference"]!["name"]!.GetValue<string>());
        Assert.True(spec["savepoint"]!["alreadyExists"]!.GetValue<bool>());
        Assert.False(spec["savepoint"]!["disposeOnDelete"]!.GetValue<bool>());
        Assert.Equal("CANONICAL", spec["savepoint"]!["formatType"]!.GetValue<string>());
        Assert.Equal(ObservedSnapshots.Status(snapshot, "path"), spec["savepoint"]!["path"]!.GetValue<string>());
        Assert.Equal(0, spec["backoffLimit"]!.GetValue<int>());
        Assert.Equal(["flinkstatesnapshots.flink.apache.org/finalizer"], snapshot["metadata"]!["finalizers"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Null(snapshot["metadata"]!["ownerReferences"]);
        Assert.Empty(snapshots.Versions.SelectMany(CrdSchema.ValidateFlinkStateSnapshot));
    }

    [Fact]
    public async Task With_snapshot_resources_the_upgrade_savepoint_is_not_also_recorded_in_the_deprecated_savepoint_info()
    {
        await using var cluster = await ObservedCluster.StartAsync();
        await cluster.CreateAsync(FlinkDeploymentBuilder.Named("payments").WithUpgradeMode("savepoint").WithHighAvailability().Build());
        await cluster.AdvanceAsync(Settle);

        await cluster.PatchAsync("payments", OperatorUpgradeTests.Parallelism(3));
        await cluster.AdvanceAsync(Settle);

        var savepointInfo = (await cluster.GetAsync("payments"))["status"]!["jobStatus"]!["savepointInfo"]!;
        Assert.Null(savepointInfo["lastSavepoint"]);
        Assert.Empty(savepointInfo["savepointHistory"]!.AsArray());
    }

    [Fact]
    public async Task Without_snapshot_resources_the_upgrade_savepoint_goes_to_the_deprecated_savepoint_info()
    {
        await using var cluster = await ObservedCluster.StartAsync();
        await cluster.CreateAsync(FlinkDeploymentBuilder.Named("payments").WithUpgradeMode("savepoint").WithHighAvailability()
            .WithConfiguration("kubernetes.operator.snapshot.resource.enabled", "false").Build());
        await cluster.AdvanceAsync(Settle);
        await using var snapshots = await ObservedSnapshots.StartAsync(cluster);

        await cluster.PatchAsync("payments", OperatorUpgradeTests.Parallelism(3));
        await snapshots.AdvanceAsync(Settle);

        var jobStatus = (await cluster.GetAsync("payments"))["status"]!["jobStatus"]!;
        Assert.Empty(await snapshots.ListAsync());
        Assert.Equal(jobStatus["upgradeSavepointPath"]!.GetValue<string>(), jobStatus["savepointInfo"]!["lastSavepoint"]!["location"]!.GetValue<string>());
        Assert.Equal("UPGRADE", jobStatus["savepointInfo"]!["lastSavepoint"]!["triggerType"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_operator_before_1_10_makes_no_snapshot_resources()
    {
        await using var cluster = await ObservedCluster.StartAsync(o => o.OperatorRelease = OperatorRelease.V1_9);
        await cluster.CreateAsync(FlinkDeploymentBuilder.Named("payments").WithUpgradeMode("savepoint").WithHighAvailability()
            .WithConfiguration("kubernetes.operator.periodic.savepoint.interval", "1m").Build());
        await cluster.AdvanceAsync(Settle);
        await using var snapshots = await ObservedSnapshots.StartAsync(cluster);

        await cluster.PatchAsync("payments", OperatorUpgradeTests.Parallelism(3));
        await snapshots.AdvanceAsync(TimeSpan.FromMinutes(4));

        Assert.Empty(await snapshots.ListAsync());
        Assert.NotNull((await cluster.GetAsync("payments"))["status"]!["jobStatus"]!["savepointInfo"]!["lastSavepoint"]);
    }

    [Fact]
    public async Task Periodic_savepoints_are_taken_at_the_configured_interval_of_the_simulator_clock()
    {
        await using var cluster = await ObservedCluster.StartAsync();
        await using var snapshots = await ObservedSnapshots.StartAsync(cluster);
        await cluster.CreateAsync(FlinkDeploymentBuilder.Named("payments").WithUpgradeMode("savepoint").WithHighAvailability()
            .WithConfiguration("kubernetes.operator.periodic.savepoint.interval", "5m").Build());
        var created = KubernetesTimeOf((await cluster.GetAsync("payments"))["metadata"]!["creationTimestamp"]!);

        await snapshots.AdvanceAsync(TimeSpan.FromMinutes(4));
        Assert.Empty(await snapshots.ListAsync());
        await snapshots.AdvanceAsync(TimeSpan.FromMinutes(17));

        var periodic = await snapshots.OfTypeAsync("PERIODIC");
        var times = periodic.Select(s => KubernetesTimeOf(s["metadata"]!["creationTimestamp"]!)).Order().ToList();
        Assert.InRange(periodic.Count, 3, 4);
        Assert.All(times.Prepend(created).Zip(times), pair =>
            Assert.InRange(pair.Second - pair.First, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(61)));
    }

    [Fact]
    public async Task A_periodic_savepoint_goes_from_trigger_pending_through_in_progress_to_completed()
    {
        await using var cluster = await ObservedCluster.StartAsync();
        await using var snapshots = await ObservedSnapshots.StartAsync(cluster);
        await cluster.CreateAsync(FlinkDeploymentBuilder.Named("payments").WithUpgradeMode("savepoint").WithHighAvailability()
            .WithConfiguration("kubernetes.operator.periodic.savepoint.interval", "2m").Build());

        await snapshots.AdvanceAsync(TimeSpan.FromMinutes(5));

        var snapshot = (await snapshots.OfTypeAsync("PERIODIC"))[0];
        var name = ObservedSnapshots.Name(snapshot);
        Assert.Matches("^payments-savepoint-periodic-[0-9]{13}$", name);
        Assert.Equal(["", "IN_PROGRESS", "COMPLETED"], snapshots.StatesOf(name));
        var inProgress = snapshots.Versions.First(v => ObservedSnapshots.Name(v) == name && ObservedSnapshots.Status(v, "state") == "IN_PROGRESS");
        Assert.Matches("^[0-9a-f]{32}$", ObservedSnapshots.Status(inProgress, "triggerId"));
        Assert.Equal("IN_PROGRESS", ObservedSnapshots.Label(inProgress, "snapshot.state"));
        Assert.Equal(SavepointDirectory, snapshot["spec"]!["savepoint"]!["path"]!.GetValue<string>());
        Assert.False(snapshot["spec"]!["savepoint"]!["alreadyExists"]!.GetValue<bool>());
        Assert.StartsWith(SavepointDirectory + "/savepoint-", ObservedSnapshots.Status(snapshot, "path"), StringComparison.Ordinal);
        Assert.Equal(ObservedSnapshots.Status(inProgress, "triggerId"), ObservedSnapshots.Status(snapshot, "triggerId"));
        Assert.True(DateTimeOffset.Parse(ObservedSnapshots.Status(snapshot, "triggerTimestamp")!, CultureInfo.InvariantCulture)
            < DateTimeOffset.Parse(ObservedSnapshots.Status(snapshot, "resultTimestamp")!, CultureInfo.InvariantCulture));
        Assert.Equal("COMPLETED", ObservedSnapshots.Label(snapshot, "snapshot.state"));
        Assert.Empty(snapshots.Versions.SelectMany(CrdSchema.ValidateFlinkStateSnapshot));
    }

    [Fact]
    public async Task Changing_the_savepoint_trigger_nonce_takes_a_manual_savepoint_on_the_running_job()
    {
        await using var cluster = await ObservedCluster.StartAsync();
        await cluster.CreateAsync(FlinkDeploymentBuilder.Named("payments").WithUpgradeMode("savepoint").WithHighAvailability().Build());
        await cluster.AdvanceAsync(Settle);
        await using var snapshots = await ObservedSnapshots.StartAsync(cluster);
        var before = FlinkStatusView.Of(await cluster.GetAsync("payments"));

        await cluster.PatchAsync("payments", Nonce(7));
        await snapshots.AdvanceAsync(TimeSpan.FromMinutes(2));

        var manual = Assert.Single(await snapshots.ListAsync());
        Assert.Matches("^payments-savepoint-manual-[0-9]{13}$", ObservedSnapshots.Name(manual));
        Assert.Equal("MANUAL", ObservedSnapshots.Label(manual, "snapshot.trigger-type"));
        Assert.Equal("COMPLETED", ObservedSnapshots.Status(manual, "state"));
        var after = FlinkStatusView.Of(await cluster.GetAsync("payments"));
        Assert.Equal(before.JobId, after.JobId);
        Assert.Equal(2, after.ObservedGeneration);
        var reconciled = JsonNode.Parse((await cluster.GetAsync("payments"))["status"]!["reconciliationStatus"]!["lastReconciledSpec"]!.GetValue<string>())!;
        Assert.Equal(7, reconciled["spec"]!["job"]!["savepointTriggerNonce"]!.GetValue<long>());
        Assert.Equal(["ADDED"], cluster.JobManagerEvents().Select(e => e.Type));
    }

    [Fact]
    public async Task The_same_nonce_again_takes_no_second_manual_savepoint()
    {
        await using var cluster = await ObservedCluster.StartAsync();
        await cluster.CreateAsync(FlinkDeploymentBuilder.Named("payments").WithUpgradeMode("savepoint").WithHighAvailability().Build());
        await cluster.AdvanceAsync(Settle);
        await using var snapshots = await ObservedSnapshots.StartAsync(cluster);
        await cluster.PatchAsync("payments", Nonce(7));
        await snapshots.AdvanceAsync(TimeSpan.FromMinutes(2));

        await cluster.PatchAsync("payments", new JsonObject { ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["team"] = "risk" } } });
        await snapshots.AdvanceAsync(TimeSpan.FromMinutes(3));

        Assert.Single(await snapshots.OfTypeAsync("MANUAL"));
    }

    [Fact]
    public async Task A_failing_savepoint_leaves_a_failed_snapshot_with_its_error_and_a_savepoint_error_event_on_it()
    {
        await using var cluster = await ObservedCluster.StartAsync();
        await using var snapshots = await ObservedSnapshots.StartAsync(cluster);
        await cluster.CreateAsync(FlinkDeploymentBuilder.Named("payments").WithUpgradeMode("savepoint").WithHighAvailability()
            .WithAnnotation(SimulatorKnobs.SavepointFails, "true")
            .WithConfiguration("kubernetes.operator.periodic.savepoint.interval", "2m").Build());

        await snapshots.AdvanceAsync(TimeSpan.FromMinutes(5));

        var failed = (await snapshots.OfTypeAsync("PERIODIC"))[0];
        var name = ObservedSnapshots.Name(failed);
        Assert.Equal(["", "IN_PROGRESS", "FAILED"], snapshots.StatesOf(name));
        Assert.Equal("1", ObservedSnapshots.Status(failed, "failures"));
        Assert.Null(ObservedSnapshots.Status(failed, "path"));
        var error = JsonNode.Parse(ObservedSnapshots.Status(failed, "error")!)!;
        Assert.Equal("org.apache.flink.kubernetes.operator.exception.ReconciliationException", error["type"]!.GetValue<string>());
        Assert.Contains("CheckpointException", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        var savepointError = Assert.Single(await snapshots.EventsAboutAsync(name));
        Assert.Equal("SavepointError", savepointError["reason"]!.GetValue<string>());
        Assert.Equal("Warning", savepointError["type"]!.GetValue<string>());
        Assert.Equal("Snapshot", savepointError["source"]!["component"]!.GetValue<string>());
        Assert.Equal(ObservedSnapshots.Status(failed, "error"), savepointError["message"]!.GetValue<string>());
        Assert.Equal("FlinkStateSnapshot", savepointError["involvedObject"]!["kind"]!.GetValue<string>());
        Assert.Equal(failed["metadata"]!["uid"]!.GetValue<string>(), savepointError["involvedObject"]!["uid"]!.GetValue<string>());
        Assert.StartsWith("Snapshot.", savepointError["metadata"]!["name"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_blocked_savepoint_upgrade_keeps_its_failed_snapshot_and_makes_no_upgrade_snapshot()
    {
        await using var cluster = await ObservedCluster.StartAsync();
        await using var snapshots = await ObservedSnapshots.StartAsync(cluster);
        await cluster.CreateAsync(FlinkDeploymentBuilder.Named("payments").WithUpgradeMode("savepoint").WithHighAvailability()
            .WithAnnotation(SimulatorKnobs.SavepointFails, "true")
            .WithConfiguration("kubernetes.operator.periodic.savepoint.interval", "2m").Build());
        await snapshots.AdvanceAsync(TimeSpan.FromMinutes(5));
        var failedBefore = (await snapshots.ListAsync()).Select(ObservedSnapshots.Name).ToList();

        await cluster.PatchAsync("payments", OperatorUpgradeTests.Parallelism(3));
        await snapshots.AdvanceAsync(TimeSpan.FromMinutes(6));

        var status = FlinkStatusView.Of(await cluster.GetAsync("payments"));
        Assert.Equal(1, status.ObservedGeneration);
        Assert.Equal(["ADDED"], cluster.JobManagerEvents().Select(e => e.Type));
        var all = await snapshots.ListAsync();
        Assert.NotEmpty(failedBefore);
        Assert.Equal(failedBefore, all.Select(ObservedSnapshots.Name));
        Assert.All(all, s => Assert.Equal("FAILED", ObservedSnapshots.Status(s, "state")));
        Assert.Empty(await snapshots.OfTypeAsync("UPGRADE"));
    }

    [Fact]
    public async Task A_pending_periodic_savepoint_is_abandoned_when_its_job_stops_for_an_upgrade()
    {
        await using var cluster = await ObservedCluster.StartAsync(o => o.Timings = new OperatorTimings { SavepointDuration = TimeSpan.FromMinutes(3) });
        await using var snapshots = await ObservedSnapshots.StartAsync(cluster);
        await cluster.CreateAsync(FlinkDeploymentBuilder.Named("payments").WithUpgradeMode("stateless").WithHighAvailability()
            .WithConfiguration("kubernetes.operator.periodic.savepoint.interval", "2m").Build());
        await snapshots.AdvanceAsync(TimeSpan.FromMinutes(3) + TimeSpan.FromSeconds(30));
        var periodic = Assert.Single(await snapshots.OfTypeAsync("PERIODIC"));
        Assert.Equal("IN_PROGRESS", ObservedSnapshots.Status(periodic, "state"));

        await cluster.PatchAsync("payments", OperatorUpgradeTests.Parallelism(3));
        await snapshots.AdvanceAsync(TimeSpan.FromSeconds(5));

        var abandoned = (await snapshots.ListAsync()).Single(s => ObservedSnapshots.Name(s) == ObservedSnapshots.Name(periodic));
        Assert.Equal("ABANDONED", ObservedSnapshots.Status(abandoned, "state"));
        Assert.Equal($"Secondary resource payments (FlinkDeployment) for savepoint {ObservedSnapshots.Name(periodic)} is not running", ObservedSnapshots.Status(abandoned, "error"));
        var evt = Assert.Single(await snapshots.EventsAboutAsync(ObservedSnapshots.Name(periodic)));
        Assert.Equal("SnapshotAbandoned", evt["reason"]!.GetValue<string>());
        Assert.Equal("Warning", evt["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_snapshot_of_a_missing_deployment_repeats_its_validation_error_as_one_event_with_a_growing_count()
    {
        await using var cluster = await ObservedCluster.StartAsync();
        var snapshot = new JsonObject
        {
            ["apiVersion"] = "flink.apache.org/v1beta1",
            ["kind"] = "FlinkStateSnapshot",
            ["metadata"] = new JsonObject { ["name"] = "by-hand", ["namespace"] = "default" },
            ["spec"] = new JsonObject
            {
                ["jobReference"] = new JsonObject { ["kind"] = "FlinkDeployment", ["name"] = "nowhere" },
                ["savepoint"] = new JsonObject { ["path"] = SavepointDirectory },
            },
        };
        Assert.Equal(HttpStatusCode.Created, (await cluster.Http.PostAsync(ObservedSnapshots.Path, snapshot)).Status);

        await cluster.AdvanceAsync(TimeSpan.FromMinutes(1));
        var first = Assert.Single(await cluster.EventsAboutAsync("by-hand"))!;
        await cluster.AdvanceAsync(TimeSpan.FromMinutes(3));
        var later = Assert.Single(await cluster.EventsAboutAsync("by-hand"))!;

        Assert.Equal("ValidationError", later["reason"]!.GetValue<string>());
        Assert.Equal("Target for snapshot default/nowhere was not found", later["message"]!.GetValue<string>());
        Assert.Equal(first["metadata"]!["name"]!.GetValue<string>(), later["metadata"]!["name"]!.GetValue<string>());
        Assert.StartsWith("Operator.", later["metadata"]!["name"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(later["count"]!.GetValue<long>() > first["count"]!.GetValue<long>());
        Assert.Equal(first["firstTimestamp"]!.GetValue<string>(), later["firstTimestamp"]!.GetValue<string>());
        Assert.True(KubernetesTimeOf(later["lastTimestamp"]!) > KubernetesTimeOf(later["firstTimestamp"]!));
    }

    [Fact]
    public async Task The_api_server_refuses_a_snapshot_the_crd_does_not_allow()
    {
        await using var cluster = await ObservedCluster.StartAsync();
        var snapshot = new JsonObject
        {
            ["apiVersion"] = "flink.apache.org/v1beta1",
            ["kind"] = "FlinkStateSnapshot",
            ["metadata"] = new JsonObject { ["name"] = "bad", ["namespace"] = "default" },
            ["spec"] = new JsonObject
            {
                ["jobReference"] = new JsonObject { ["kind"] = "FlinkJob", ["name"] = "payments" },
                ["savepoint"] = new JsonObject { ["formatType"] = "ZIP", ["alreadyExists"] = "yes" },
                ["backoffLimit"] = 1.5,
            },
        };

        var response = await cluster.Http.PostAsync(ObservedSnapshots.Path, snapshot);

        Assert.Equal((HttpStatusCode)422, response.Status);
        var message = response.Body!["message"]!.GetValue<string>();
        Assert.Contains("spec.jobReference.kind", message, StringComparison.Ordinal);
        Assert.Contains("spec.savepoint.formatType", message, StringComparison.Ordinal);
        Assert.Contains("spec.savepoint.alreadyExists", message, StringComparison.Ordinal);
        Assert.Contains("spec.backoffLimit", message, StringComparison.Ordinal);
        Assert.StartsWith("FlinkStateSnapshot.flink.apache.org \"bad\" is invalid", message, StringComparison.Ordinal);
    }

    private static JsonObject Nonce(long nonce) =>
        new() { ["spec"] = new JsonObject { ["job"] = new JsonObject { ["savepointTriggerNonce"] = nonce } } };

    private static DateTimeOffset KubernetesTimeOf(JsonNode node) =>
        DateTimeOffset.Parse(node.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
