using System.Text.Json.Nodes;
using Cmf.Simulator.Operator;
using Cmf.UnitTests.Simulator.Support;

namespace Cmf.UnitTests.Simulator;

/// <summary>
/// Rows of docs/operator-conformance.md that the upgrade and lifecycle tests do not already cover: each test plays one
/// path through the simulated operator and checks the status writes FKO's source makes on it.
/// </summary>
public sealed class OperatorConformanceTests
{
    private static readonly TimeSpan Settle = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task The_first_deployment_records_the_spec_suspended_and_stateless_before_the_cluster_exists()
    {
        await using var cluster = await ObservedCluster.StartAsync();

        await cluster.CreateAsync(FlinkDeploymentBuilder.Named("orders").WithUpgradeMode("savepoint").WithHighAvailability().Build());
        await cluster.AdvanceAsync(Settle);

        // updateStatusBeforeFirstDeployment: upgradeMode forced to stateless, job.state suspended, observedGeneration 1,
        // all written before the JobManager Deployment is created; then the job id.
        var first = cluster.Statuses("orders").First(s => s.Brief == "UPGRADING  MISSING UPGRADING");
        var recorded = ReconciledSpecOf(cluster.FlinkDeploymentWatch.Objects.First(o => Version(o) == first.ResourceVersion));
        Assert.Equal(("suspended", "stateless"), (recorded["job"]!["state"]!.GetValue<string>(), recorded["job"]!["upgradeMode"]!.GetValue<string>()));
        Assert.Equal(1, first.ObservedGeneration);
        var jobManagerCreated = cluster.JobManagerEvents()[0].ResourceVersion;
        Assert.True(first.ResourceVersion < jobManagerCreated);
        var withJobId = cluster.Statuses("orders").First(s => s.JobId is not null);
        Assert.True(withJobId.ResourceVersion < jobManagerCreated);
        // The forced mode stays recorded, also once stable: an upgradeMode change alone is IGNORE.
        var current = ReconciledSpecOf(await cluster.GetAsync("orders"));
        Assert.Equal("stateless", current["job"]!["upgradeMode"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_savepoint_upgrade_writes_the_new_job_id_while_the_old_job_still_reads_finished()
    {
        await using var cluster = await ObservedCluster.StartAsync();
        await cluster.CreateAsync(FlinkDeploymentBuilder.Named("orders").WithUpgradeMode("savepoint").WithHighAvailability().Build());
        await cluster.AdvanceAsync(Settle);
        var oldJobId = FlinkStatusView.Of(await cluster.GetAsync("orders")).JobId;
        var before = await cluster.Http.ResourceVersionAsync();

        await cluster.PatchAsync("orders", OperatorUpgradeTests.Parallelism(3));
        await cluster.AdvanceAsync(Settle);

        // ApplicationReconciler.deploy: deleteClusterDeployment, then setJobIdIfNecessary, then the new Deployment.
        var newJobIdWrite = cluster.Statuses("orders").First(s => s.ResourceVersion > before && s.JobId != oldJobId);
        Assert.Equal("UPGRADING FINISHED MISSING UPGRADING", newJobIdWrite.Brief);
        var jobManagers = cluster.JobManagerEvents();
        Assert.True(jobManagers[1].ResourceVersion < newJobIdWrite.ResourceVersion && newJobIdWrite.ResourceVersion < jobManagers[2].ResourceVersion);
    }

    [Fact]
    public async Task A_last_state_upgrade_with_ha_metadata_keeps_the_job_id_and_records_the_last_state_marker()
    {
        await using var cluster = await ObservedCluster.StartAsync();
        await cluster.CreateAsync(FlinkDeploymentBuilder.Named("orders").WithUpgradeMode("last-state").WithHighAvailability().Build());
        await cluster.AdvanceAsync(Settle);
        var jobId = FlinkStatusView.Of(await cluster.GetAsync("orders")).JobId;
        var before = await cluster.Http.ResourceVersionAsync();

        await cluster.PatchAsync("orders", OperatorUpgradeTests.Parallelism(3));
        await cluster.AdvanceAsync(Settle);

        Sequences.AssertInOrder(["UPGRADING FINISHED MISSING UPGRADING", "DEPLOYED RECONCILING DEPLOYING DEPLOYED", "STABLE RUNNING READY DEPLOYED"],
            cluster.Briefs("orders", before));
        Assert.All(cluster.Statuses("orders").Where(s => s.JobId is not null), s => Assert.Equal(jobId, s.JobId));
        var status = FlinkStatusView.Of(await cluster.GetAsync("orders"));
        Assert.Equal("KUBERNETES_OPERATOR_LAST_STATE", status.UpgradeSavepointPath);
        Assert.Equal("last-state", ReconciledSpecOf(await cluster.GetAsync("orders"))["job"]!["upgradeMode"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_last_state_upgrade_without_ha_metadata_cancels_the_job_and_restores_it_under_a_new_job_id()
    {
        await using var cluster = await ObservedCluster.StartAsync();
        await cluster.CreateAsync(FlinkDeploymentBuilder.Named("orders").WithUpgradeMode("last-state")
            .WithConfiguration("state.checkpoints.dir", "file:///flink-data/checkpoints").Build());
        await cluster.AdvanceAsync(Settle);
        var jobId = FlinkStatusView.Of(await cluster.GetAsync("orders")).JobId;
        var before = await cluster.Http.ResourceVersionAsync();

        await cluster.PatchAsync("orders", OperatorUpgradeTests.Parallelism(3));
        await cluster.AdvanceAsync(Settle);

        // SuspendMode.CANCEL (FKO 1.10+): CANCELLING with observedGeneration behind, CANCELED, then a savepoint restore.
        Sequences.AssertInOrder(
        [
            "UPGRADING CANCELLING READY UPGRADING",
            "UPGRADING CANCELED READY UPGRADING",
            "UPGRADING CANCELED MISSING UPGRADING",
            "DEPLOYED RECONCILING DEPLOYING DEPLOYED",
            "STABLE RUNNING READY DEPLOYED",
        ], cluster.Briefs("orders", before));
        var cancelling = cluster.Statuses("orders").First(s => s.Job == "CANCELLING");
        Assert.Equal(1, cancelling.ObservedGeneration);
        var canceled = cluster.Statuses("orders").First(s => s.Job == "CANCELED");
        Assert.Equal(jobId, canceled.JobId);
        Assert.StartsWith("file:///flink-data/checkpoints/", cluster.Statuses("orders").Last(s => s.Job == "CANCELED").UpgradeSavepointPath);
        Assert.NotEqual(jobId, FlinkStatusView.Of(await cluster.GetAsync("orders")).JobId);
    }

    [Fact]
    public async Task A_failing_savepoint_makes_the_error_flap_once_per_retry_with_observed_generation_behind()
    {
        await using var cluster = await ObservedCluster.StartAsync();
        await cluster.CreateAsync(FlinkDeploymentBuilder.Named("payments").WithUpgradeMode("savepoint").WithHighAvailability()
            .WithAnnotation(SimulatorKnobs.SavepointFails, "true").Build());
        await cluster.AdvanceAsync(Settle);
        var before = await cluster.Http.ResourceVersionAsync();

        await cluster.PatchAsync("payments", OperatorUpgradeTests.Parallelism(3));
        await cluster.AdvanceAsync(TimeSpan.FromMinutes(4));

        // The observer clears the error of a healthy deployment (clearErrorsIfDeploymentIsHealthy), the retry sets it
        // again: error, none, error, ... every reconcile interval; lifecycle STABLE throughout, generation 2 unreconciled.
        var statuses = cluster.Statuses("payments").Where(s => s.ResourceVersion > before).SkipWhile(s => s.Error is null).ToList();
        var flaps = Sequences.Distinct(statuses.Select(s => s.Error is null ? "clear" : "error"));
        Assert.True(flaps.Count >= 6, string.Join(" ", flaps));
        Assert.All(statuses, s => Assert.Equal(1, s.ObservedGeneration));
        Assert.All(statuses, s => Assert.Equal("STABLE RUNNING READY DEPLOYED", s.Brief));
        Assert.Single(statuses.Select(s => s.Error).Where(e => e is not null).Distinct());
    }

    [Fact]
    public async Task An_ignore_change_advances_observed_generation_on_the_same_cluster_and_job()
    {
        await using var cluster = await ObservedCluster.StartAsync();
        await cluster.CreateAsync(FlinkDeploymentBuilder.Named("orders").WithUpgradeMode("savepoint").WithHighAvailability().Build());
        await cluster.AdvanceAsync(Settle);
        var before = await cluster.GetAsync("orders");
        var recorded = before["status"]!["reconciliationStatus"]!["lastReconciledSpec"]!.GetValue<string>();

        await cluster.PatchAsync("orders", new JsonObject
        {
            ["spec"] = new JsonObject { ["flinkConfiguration"] = new JsonObject { ["kubernetes.operator.savepoint.history.max.count"] = "5" } },
        });
        await cluster.AdvanceAsync(Settle);

        // updateReconciliationMetadata: the old spec recorded again (identical text), observedGeneration advanced.
        var after = await cluster.GetAsync("orders");
        var status = FlinkStatusView.Of(after);
        Assert.Equal((2L, 2L), (status.Generation, status.ObservedGeneration ?? 0));
        Assert.Equal(recorded, after["status"]!["reconciliationStatus"]!["lastReconciledSpec"]!.GetValue<string>());
        Assert.Equal(FlinkStatusView.Of(before).JobId, status.JobId);
        Assert.Equal("STABLE RUNNING READY DEPLOYED", status.Brief);
        Assert.Equal(["ADDED"], cluster.JobManagerEvents().Select(e => e.Type));
        Assert.DoesNotContain("SpecChanged", (await cluster.EventsAboutAsync("orders")).Select(e => e!["reason"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_scale_change_of_an_adaptive_job_rescales_in_place()
    {
        await using var cluster = await ObservedCluster.StartAsync();
        await cluster.CreateAsync(FlinkDeploymentBuilder.Named("orders").WithUpgradeMode("savepoint").WithHighAvailability()
            .WithConfiguration("jobmanager.scheduler", "adaptive").Build());
        await cluster.AdvanceAsync(Settle);
        var jobId = FlinkStatusView.Of(await cluster.GetAsync("orders")).JobId;

        await cluster.PatchAsync("orders", new JsonObject
        {
            ["spec"] = new JsonObject { ["flinkConfiguration"] = new JsonObject { ["pipeline.jobvertex-parallelism-overrides"] = "bc764cd8ddf7a0cff126f51c16239658:4" } },
        });
        await cluster.AdvanceAsync(Settle);

        // updateStatusForDeployedSpec records the new spec (DEPLOYED until the next observe marks it stable).
        var after = await cluster.GetAsync("orders");
        var status = FlinkStatusView.Of(after);
        Assert.Equal((2L, 2L, jobId), (status.Generation, status.ObservedGeneration ?? 0, status.JobId));
        Assert.Equal("DEPLOYED RUNNING READY DEPLOYED", status.Brief);
        await cluster.AdvanceAsync(Settle);
        Assert.Equal("STABLE RUNNING READY DEPLOYED", FlinkStatusView.Of(await cluster.GetAsync("orders")).Brief);
        Assert.Contains("pipeline.jobvertex-parallelism-overrides", after["status"]!["reconciliationStatus"]!["lastReconciledSpec"]!.GetValue<string>());
        Assert.Equal(["ADDED"], cluster.JobManagerEvents().Select(e => e.Type));
        var events = await cluster.EventsAboutAsync("orders");
        Assert.Contains(events, e => e!["reason"]!.GetValue<string>() == "Scaling" && e["message"]!.GetValue<string>() == "In-place scaling triggered");
        // The diff lists IGNORE rows beside the SCALE one, including the upgradeMode the first deployment recorded as stateless.
        var specChanged = events.Single(e => e!["reason"]!.GetValue<string>() == "SpecChanged")!["message"]!.GetValue<string>();
        Assert.Equal(
            "SCALE change(s) detected (Diff: FlinkDeploymentSpec[job.upgradeMode : stateless -> savepoint, "
            + "flinkConfiguration.pipeline.jobvertex-parallelism-overrides : null -> bc764cd8ddf7a0cff126f51c16239658:4]), starting reconciliation.",
            specChanged);
    }

    [Fact]
    public async Task The_spec_changed_event_names_the_diff_type_and_fields_as_the_operator_writes_it()
    {
        await using var cluster = await ObservedCluster.StartAsync();
        await cluster.CreateAsync(FlinkDeploymentBuilder.Named("orders").Build());
        await cluster.AdvanceAsync(Settle);

        await cluster.PatchAsync("orders", OperatorUpgradeTests.Parallelism(3));
        await cluster.AdvanceAsync(Settle);

        var specChanged = (await cluster.EventsAboutAsync("orders")).Single(e => e!["reason"]!.GetValue<string>() == "SpecChanged")!;
        Assert.Equal("UPGRADE change(s) detected (Diff: FlinkDeploymentSpec[job.parallelism : 2 -> 3]), starting reconciliation.", specChanged["message"]!.GetValue<string>());
        Assert.Equal("JobManagerDeployment", specChanged["source"]!["component"]!.GetValue<string>());
    }

    [Fact]
    public async Task Changing_a_failed_job_restarts_it_without_a_stop_and_writes_finished_for_the_failed_one()
    {
        await using var cluster = await ObservedCluster.StartAsync();
        await cluster.CreateAsync(FlinkDeploymentBuilder.Named("backfill").WithAnnotation(SimulatorKnobs.FailAfterSeconds, "30").Build());
        await cluster.AdvanceAsync(TimeSpan.FromMinutes(3));
        var before = await cluster.Http.ResourceVersionAsync();

        await cluster.PatchAsync("backfill", new JsonObject
        {
            ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [SimulatorKnobs.FailAfterSeconds] = null } },
            ["spec"] = new JsonObject { ["job"] = new JsonObject { ["parallelism"] = 3 } },
        });
        await cluster.AdvanceAsync(Settle);

        // A globally terminal stateless job: SuspendMode.NOOP, whose cancelJob writes FINISHED over FAILED; no Suspended event.
        Sequences.AssertInOrder(["UPGRADING FINISHED READY UPGRADING", "UPGRADING FINISHED MISSING UPGRADING", "STABLE RUNNING READY DEPLOYED"],
            cluster.Briefs("backfill", before));
        Assert.DoesNotContain("Suspended", (await cluster.EventsAboutAsync("backfill")).Select(e => e!["reason"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Status_is_written_through_the_status_subresource_only_when_it_changed()
    {
        await using var cluster = await ObservedCluster.StartAsync();
        await cluster.CreateAsync(FlinkDeploymentBuilder.Named("orders").Build());
        await cluster.AdvanceAsync(Settle);
        var settled = await cluster.Http.ResourceVersionAsync();

        // Quiet passes every reconcile interval change nothing, so StatusRecorder writes nothing (its three PUTs are no-ops).
        await cluster.AdvanceAsync(TimeSpan.FromMinutes(5));

        Assert.DoesNotContain(cluster.Statuses("orders"), s => s.ResourceVersion > settled);
    }

    [Fact]
    public async Task The_1_9_release_records_the_generation_in_the_reconciled_spec_and_configuration_as_strings()
    {
        await using var cluster = await ObservedCluster.StartAsync(o => o.OperatorRelease = OperatorRelease.V1_9);
        var flinkDeployment = FlinkDeploymentBuilder.Named("orders").Build();
        flinkDeployment["spec"]!["flinkConfiguration"]!["taskmanager.numberOfTaskSlots"] = 2;

        await cluster.CreateAsync(flinkDeployment);
        await cluster.AdvanceAsync(Settle);

        var status = (await cluster.GetAsync("orders"))["status"]!;
        var lastStable = JsonNode.Parse(status["reconciliationStatus"]!["lastStableSpec"]!.GetValue<string>())!;
        Assert.Equal(1, lastStable["resource_metadata"]!["metadata"]!["generation"]!.GetValue<long>());
        Assert.Equal("2", lastStable["spec"]!["flinkConfiguration"]!["taskmanager.numberOfTaskSlots"]!.GetValue<string>());
        Assert.Null(status["conditions"]);
    }

    [Fact]
    public async Task The_1_15_release_writes_a_running_condition()
    {
        await using var cluster = await ObservedCluster.StartAsync();
        await cluster.CreateAsync(FlinkDeploymentBuilder.Named("orders").Build());
        await cluster.AdvanceAsync(Settle);

        var condition = Assert.Single((JsonArray)(await cluster.GetAsync("orders"))["status"]!["conditions"]!)!;

        Assert.Equal(("Running", "True", "Running", "Job status RUNNING"),
            (condition["type"]!.GetValue<string>(), condition["status"]!.GetValue<string>(), condition["reason"]!.GetValue<string>(), condition["message"]!.GetValue<string>()));
    }

    private static JsonObject ReconciledSpecOf(JsonObject flinkDeployment) =>
        (JsonObject)JsonNode.Parse(flinkDeployment["status"]!["reconciliationStatus"]!["lastReconciledSpec"]!.GetValue<string>())!["spec"]!;

    private static long Version(JsonObject obj) => long.Parse(obj["metadata"]!["resourceVersion"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
}
