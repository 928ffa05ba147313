using System.Net;
using System.Text.Json.Nodes;
using Cmf.Simulator.Operator;
using Cmf.UnitTests.Simulator.Support;

namespace Cmf.UnitTests.Simulator;

/// <summary>Suspend and resume, rollback, finite jobs and deletion, observed through the API.</summary>
public sealed class OperatorLifecycleTests
{
    private static readonly TimeSpan Settle = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task A_savepoint_suspend_stops_the_job_and_keeps_the_job_manager()
    {
        await using var cluster = await ObservedCluster.StartAsync();
        await cluster.CreateAsync(FlinkDeploymentBuilder.Named("orders").WithUpgradeMode("savepoint").WithHighAvailability().Build());
        await cluster.AdvanceAsync(Settle);

        await cluster.PatchAsync("orders", JobState("suspended"));
        await cluster.AdvanceAsync(Settle);

        // SuspendMode.SAVEPOINT does not delete the cluster (SuspendMode.deleteCluster); cancelJob writes FINISHED.
        var status = FlinkStatusView.Of(await cluster.GetAsync("orders"));
        Assert.Equal("SUSPENDED FINISHED READY DEPLOYED", status.Brief);
        Assert.Equal(2, status.ObservedGeneration);
        Assert.StartsWith("file:///flink-data/savepoints/savepoint-", status.UpgradeSavepointPath);
        Assert.Equal(["ADDED"], cluster.JobManagerEvents().Select(e => e.Type));
        var pods = (JsonArray)(await cluster.Http.GetAsync(ObservedCluster.Pods)).Object["items"]!;
        Assert.Equal(["jobmanager"], pods.Select(p => p!["metadata"]!["labels"]!["component"]!.GetValue<string>()));
        Assert.Contains("Suspended", (await cluster.EventsAboutAsync("orders")).Select(e => e!["reason"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_job_manager_of_a_savepoint_suspend_goes_after_the_shutdown_ttl()
    {
        await using var cluster = await ObservedCluster.StartAsync();
        await cluster.CreateAsync(FlinkDeploymentBuilder.Named("orders").WithUpgradeMode("savepoint").WithHighAvailability()
            .WithConfiguration("kubernetes.operator.jm-deployment.shutdown-ttl", "5 min").Build());
        await cluster.AdvanceAsync(TimeSpan.FromMinutes(10));
        await cluster.PatchAsync("orders", JobState("suspended"));

        await cluster.AdvanceAsync(TimeSpan.FromMinutes(2));

        // The TTL counts from jobStatus.updateTime, the last state change the observer saw: RUNNING ten minutes ago.
        var status = FlinkStatusView.Of(await cluster.GetAsync("orders"));
        Assert.Equal("SUSPENDED FINISHED MISSING DEPLOYED", status.Brief);
        Assert.Equal(["ADDED", "DELETED"], cluster.JobManagerEvents().Select(e => e.Type));
    }

    [Theory]
    [InlineData("stateless")]
    [InlineData("last-state")]
    public async Task A_stateless_or_last_state_suspend_deletes_the_job_manager_at_once(string upgradeMode)
    {
        await using var cluster = await ObservedCluster.StartAsync();
        await cluster.CreateAsync(FlinkDeploymentBuilder.Named("orders").WithUpgradeMode(upgradeMode).WithHighAvailability().Build());
        await cluster.AdvanceAsync(Settle);
        var before = await cluster.Http.ResourceVersionAsync();

        await cluster.PatchAsync("orders", JobState("suspended"));
        await cluster.AdvanceAsync(Settle);

        var status = FlinkStatusView.Of(await cluster.GetAsync("orders"));
        Assert.Equal("SUSPENDED FINISHED MISSING DEPLOYED", status.Brief);
        Assert.DoesNotContain(cluster.Statuses("orders"), s => s.ResourceVersion > before && s.UpgradeSavepointPath?.Contains("savepoint-") == true);
        var jobManagers = cluster.JobManagerEvents();
        Assert.Equal(["ADDED", "DELETED"], jobManagers.Select(e => e.Type));
        // The cluster is gone before FINISHED is written.
        var suspended = cluster.Statuses("orders").First(s => s.Brief == "SUSPENDED FINISHED MISSING DEPLOYED");
        Assert.True(jobManagers[1].ResourceVersion < suspended.ResourceVersion);
    }

    [Fact]
    public async Task Resuming_brings_up_a_new_cluster()
    {
        await using var cluster = await ObservedCluster.StartAsync();
        await cluster.CreateAsync(FlinkDeploymentBuilder.Named("orders").WithUpgradeMode("savepoint").Build());
        await cluster.AdvanceAsync(Settle);
        await cluster.PatchAsync("orders", JobState("suspended"));
        await cluster.AdvanceAsync(Settle);
        var suspended = await cluster.Http.ResourceVersionAsync();

        await cluster.PatchAsync("orders", JobState("running"));
        await cluster.AdvanceAsync(Settle);

        // One pass: UPGRADING while the kept JobManager still runs, deleted (MISSING), a new job id, the new cluster.
        Sequences.AssertInOrder(
        [
            "UPGRADING FINISHED READY UPGRADING",
            "UPGRADING FINISHED MISSING UPGRADING",
            "DEPLOYED RECONCILING DEPLOYING DEPLOYED",
            "STABLE RUNNING READY DEPLOYED",
        ], cluster.Briefs("orders", suspended));
        var jobManagers = cluster.JobManagerEvents();
        Assert.Equal(["ADDED", "DELETED", "ADDED"], jobManagers.Select(e => e.Type));
        Assert.Equal("3", jobManagers[2].Generation);
    }

    [Fact]
    public async Task A_deployment_that_never_becomes_ready_is_rolled_back_to_the_last_stable_spec()
    {
        await using var cluster = await ObservedCluster.StartAsync();
        await cluster.CreateAsync(FlinkDeploymentBuilder.Named("geo")
            .WithUpgradeMode("savepoint")
            .WithHighAvailability()
            .WithConfiguration("kubernetes.operator.deployment.rollback.enabled", "true")
            .WithConfiguration("kubernetes.operator.deployment.readiness.timeout", "1 min")
            .Build());
        await cluster.AdvanceAsync(Settle);

        await cluster.PatchAsync("geo", new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [SimulatorKnobs.StartupFails] = "true" } } });
        await cluster.PatchAsync("geo", new JsonObject { ["spec"] = new JsonObject { ["image"] = "flink:1.20-broken" } });
        await cluster.AdvanceAsync(TimeSpan.FromMinutes(3));

        // The JobManager never started: deleteJmThatNeverStarted, a NOOP stop (FINISHED), ROLLING_BACK, then the
        // last stable spec restored from the upgrade's savepoint.
        Sequences.AssertInOrder(
        [
            "DEPLOYED RECONCILING DEPLOYING DEPLOYED",
            "DEPLOYED RECONCILING ERROR DEPLOYED",
            "ROLLING_BACK FINISHED MISSING ROLLING_BACK",
            "ROLLED_BACK RECONCILING DEPLOYING ROLLED_BACK",
            "ROLLED_BACK RUNNING READY ROLLED_BACK",
        ], cluster.Briefs("geo"));
        var status = (await cluster.GetAsync("geo"))["status"]!["reconciliationStatus"]!;
        var lastReconciled = JsonNode.Parse(status["lastReconciledSpec"]!.GetValue<string>())!;
        var lastStable = JsonNode.Parse(status["lastStableSpec"]!.GetValue<string>())!;
        Assert.Equal("flink:1.20-broken", lastReconciled["spec"]!["image"]!.GetValue<string>());
        Assert.Equal("flink:1.20", lastStable["spec"]!["image"]!.GetValue<string>());
        var jobManagers = cluster.JobManagerEvents();
        Assert.Equal(["ADDED", "DELETED", "ADDED", "DELETED", "ADDED"], jobManagers.Select(e => e.Type));
        var rolledBack = (await cluster.Http.GetAsync($"{ObservedCluster.JobManagers}/geo")).Object;
        Assert.Equal("flink:1.20", rolledBack["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]!.GetValue<string>());
        // The operator builds the rollback's deploy config from the resource's metadata: the current generation.
        Assert.Equal("2", jobManagers[4].Generation);
        var events = await cluster.EventsAboutAsync("geo");
        Assert.Contains("Rollback", events.Select(e => e!["reason"]!.GetValue<string>()));
        // checkContainerErrors read the crash-looping pod: forContainerStatus's "[container] waiting message".
        var crashLoop = Assert.Single(events, e => e!["reason"]!.GetValue<string>() == "CrashLoopBackOff")!;
        Assert.Equal("Warning", crashLoop["type"]!.GetValue<string>());
        Assert.StartsWith("[flink-main-container] back-off 40s restarting failed container=flink-main-container pod=geo-", crashLoop["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_batch_job_finishes_and_stays_stable()
    {
        await using var cluster = await ObservedCluster.StartAsync();
        await cluster.CreateAsync(FlinkDeploymentBuilder.Named("billing").WithAnnotation(SimulatorKnobs.FinishAfterSeconds, "60").Build());

        await cluster.AdvanceAsync(TimeSpan.FromMinutes(3));

        Sequences.AssertInOrder(["STABLE RUNNING READY DEPLOYED", "STABLE FINISHED READY DEPLOYED"], cluster.Briefs("billing"));
        Assert.Equal("STABLE FINISHED READY DEPLOYED", FlinkStatusView.Of(await cluster.GetAsync("billing")).Brief);
    }

    [Fact]
    public async Task A_job_that_fails_ends_in_lifecycle_failed_with_an_error()
    {
        await using var cluster = await ObservedCluster.StartAsync();
        await cluster.CreateAsync(FlinkDeploymentBuilder.Named("backfill").WithAnnotation(SimulatorKnobs.FailAfterSeconds, "30").Build());

        await cluster.AdvanceAsync(TimeSpan.FromMinutes(3));

        var status = FlinkStatusView.Of(await cluster.GetAsync("backfill"));
        Assert.Equal("FAILED FAILED READY DEPLOYED", status.Brief);
        Assert.Contains("JobException", status.Error);
        var changes = (await cluster.EventsAboutAsync("backfill")).Where(e => e!["reason"]!.GetValue<string>() == "JobStatusChanged").Select(e => e!["message"]!.GetValue<string>());
        Assert.Contains("Job status changed from RUNNING to FAILED", changes);
    }

    [Fact]
    public async Task Deleting_runs_the_operator_cleanup_then_removes_the_object_and_its_cluster()
    {
        await using var cluster = await ObservedCluster.StartAsync();
        await cluster.CreateAsync(FlinkDeploymentBuilder.Named("orders").Build());
        await cluster.AdvanceAsync(Settle);

        var deleted = await cluster.Http.DeleteAsync($"{SimulatorHttp.FlinkDeployments}/orders");
        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        Assert.NotNull(deleted.Object["metadata"]!["deletionTimestamp"]);
        await cluster.AdvanceAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.NotFound, (await cluster.Http.GetAsync($"{SimulatorHttp.FlinkDeployments}/orders")).Status);
        Assert.Equal("DELETED", cluster.FlinkDeploymentWatch.Events.Last()["type"]!.GetValue<string>());
        // FlinkDeploymentController.cleanup sets DELETING and DELETED in memory only: no status write for an application.
        Assert.DoesNotContain(cluster.Statuses("orders"), s => s.Lifecycle is "DELETING" or "DELETED");
        Assert.Contains("Cleanup", (await cluster.EventsAboutAsync("orders")).Select(e => e!["reason"]!.GetValue<string>()));
        Assert.Equal(["ADDED", "DELETED"], cluster.JobManagerEvents().Select(e => e.Type));
        Assert.Empty((JsonArray)(await cluster.Http.GetAsync(ObservedCluster.Pods)).Object["items"]!);
    }

    [Fact]
    public async Task A_job_manager_deployment_deleted_by_hand_is_reported_missing_and_recovered()
    {
        await using var cluster = await ObservedCluster.StartAsync();
        await cluster.CreateAsync(FlinkDeploymentBuilder.Named("orders").Build());
        await cluster.AdvanceAsync(Settle);

        Assert.Equal(HttpStatusCode.OK, (await cluster.Http.DeleteAsync($"{ObservedCluster.JobManagers}/orders")).Status);
        await cluster.AdvanceAsync(Settle);

        var reasons = (await cluster.EventsAboutAsync("orders")).Select(e => e!["reason"]!.GetValue<string>()).ToList();
        Assert.Contains("Missing", reasons);
        Assert.Contains("RecoverDeployment", reasons);
        var jobManagers = cluster.JobManagerEvents();
        Assert.Equal(["ADDED", "DELETED", "ADDED"], jobManagers.Select(e => e.Type));
        // resubmitJob deploys with the observe config, which has no generation annotation.
        Assert.Null(jobManagers[2].Generation);
        Assert.Equal("STABLE RUNNING READY DEPLOYED", FlinkStatusView.Of(await cluster.GetAsync("orders")).Brief);
    }

    private static JsonObject JobState(string state) =>
        new() { ["spec"] = new JsonObject { ["job"] = new JsonObject { ["state"] = state } } };
}
