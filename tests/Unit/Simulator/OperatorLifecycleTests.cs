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
    public async Task Suspending_takes_a_savepoint_and_removes_the_cluster()
    {
        await using var cluster = await ObservedCluster.StartAsync();
        await cluster.CreateAsync(FlinkDeploymentBuilder.Named("orders").WithUpgradeMode("savepoint").Build());
        await cluster.AdvanceAsync(Settle);

        await cluster.PatchAsync("orders", JobState("suspended"));
        await cluster.AdvanceAsync(Settle);

        var status = FlinkStatusView.Of(await cluster.GetAsync("orders"));
        Assert.Equal("SUSPENDED SUSPENDED MISSING DEPLOYED", status.Brief);
        Assert.NotNull(status.UpgradeSavepointPath);
        Assert.Equal(["ADDED", "DELETED"], cluster.JobManagerEvents().Select(e => e.Type));
        var pods = (JsonArray)(await cluster.Http.GetAsync(ObservedCluster.Pods)).Object["items"]!;
        Assert.Empty(pods);
        Assert.Contains("Suspended", (await cluster.EventsAboutAsync("orders")).Select(e => e!["reason"]!.GetValue<string>()));
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

        Sequences.AssertInOrder(
        [
            "UPGRADING SUSPENDED MISSING UPGRADING",
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

        Sequences.AssertInOrder(
        [
            "DEPLOYED RECONCILING DEPLOYING DEPLOYED",
            "ROLLING_BACK RECONCILING DEPLOYING ROLLING_BACK",
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
        Assert.Contains("Rollback", (await cluster.EventsAboutAsync("geo")).Select(e => e!["reason"]!.GetValue<string>()));
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
        Assert.Contains("DELETING", cluster.Statuses("orders").Select(s => s.Lifecycle));
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
        Assert.Equal(["ADDED", "DELETED", "ADDED"], cluster.JobManagerEvents().Select(e => e.Type));
        Assert.Equal("STABLE RUNNING READY DEPLOYED", FlinkStatusView.Of(await cluster.GetAsync("orders")).Brief);
    }

    private static JsonObject JobState(string state) =>
        new() { ["spec"] = new JsonObject { ["job"] = new JsonObject { ["state"] = state } } };
}
