using System.Text.Json.Nodes;
using Cmf.UnitTests.Simulator.Support;

namespace Cmf.UnitTests.Simulator;

/// <summary>The operator's deployment and upgrade sequences (DESIGN 3.4), observed through watches as a client sees them.</summary>
public sealed class OperatorUpgradeTests
{
    private static readonly TimeSpan Settle = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task First_deployment_goes_through_upgrading_and_deploying_to_a_stable_running_job()
    {
        await using var cluster = await ObservedCluster.StartAsync();

        await cluster.CreateAsync(FlinkDeploymentBuilder.Named("orders").Build());
        await cluster.AdvanceAsync(Settle);

        Sequences.AssertInOrder(
        [
            "UPGRADING  MISSING UPGRADING",
            "DEPLOYED RECONCILING DEPLOYING DEPLOYED",
            "DEPLOYED RECONCILING DEPLOYED_NOT_READY DEPLOYED",
            "STABLE RUNNING READY DEPLOYED",
        ], cluster.Briefs("orders"));
        var jobManagers = cluster.JobManagerEvents();
        Assert.Equal([("ADDED", "1")], jobManagers.Select(e => (e.Type, e.Generation)));
        Assert.Empty(cluster.Server.OperatorErrors);
    }

    [Fact]
    public async Task The_job_manager_deployment_carries_the_operator_labels_generation_annotation_and_owner()
    {
        await using var cluster = await ObservedCluster.StartAsync();
        await cluster.CreateAsync(FlinkDeploymentBuilder.Named("orders").Build());
        await cluster.AdvanceAsync(Settle);

        var deployment = (await cluster.Http.GetAsync($"{ObservedCluster.JobManagers}/orders")).Object;
        var flinkDeployment = await cluster.GetAsync("orders");

        var labels = deployment["metadata"]!["labels"]!;
        Assert.Equal("orders", labels["app"]!.GetValue<string>());
        Assert.Equal("jobmanager", labels["component"]!.GetValue<string>());
        Assert.Equal("flink-native-kubernetes", labels["type"]!.GetValue<string>());
        Assert.Equal("1", deployment["metadata"]!["annotations"]!["flinkdeployment.flink.apache.org/generation"]!.GetValue<string>());
        var owner = deployment["metadata"]!["ownerReferences"]![0]!;
        Assert.Equal("FlinkDeployment", owner["kind"]!.GetValue<string>());
        Assert.Equal(flinkDeployment["metadata"]!["uid"]!.GetValue<string>(), owner["uid"]!.GetValue<string>());
        Assert.Equal(1, deployment["status"]!["readyReplicas"]!.GetValue<int>());
    }

    [Fact]
    public async Task Pods_are_a_job_manager_and_task_managers_named_and_labelled_like_native_mode()
    {
        await using var cluster = await ObservedCluster.StartAsync();
        await cluster.CreateAsync(FlinkDeploymentBuilder.Named("orders").WithParallelism(4).Build());
        await cluster.AdvanceAsync(Settle);

        var pods = (JsonArray)(await cluster.Http.GetAsync(ObservedCluster.Pods)).Object["items"]!;
        var names = pods.Select(p => p!["metadata"]!["name"]!.GetValue<string>()).ToList();
        var jobManager = Assert.Single(pods, p => p!["metadata"]!["labels"]!["component"]!.GetValue<string>() == "jobmanager")!;
        Assert.Matches("^orders-[a-z0-9]{10}-[a-z0-9]{5}$", jobManager["metadata"]!["name"]!.GetValue<string>());
        Assert.Equal("1", jobManager["metadata"]!["annotations"]!["flinkdeployment.flink.apache.org/generation"]!.GetValue<string>());
        // Parallelism 4 with 2 slots each needs two TaskManagers.
        Assert.Contains("orders-taskmanager-1-1", names);
        Assert.Contains("orders-taskmanager-1-2", names);
        var taskManager = pods.First(p => p!["metadata"]!["name"]!.GetValue<string>() == "orders-taskmanager-1-1")!;
        Assert.Equal("orders", taskManager["metadata"]!["labels"]!["app"]!.GetValue<string>());
        Assert.Equal("taskmanager", taskManager["metadata"]!["labels"]!["component"]!.GetValue<string>());
    }

    [Fact]
    public async Task Job_manager_pods_carry_the_cmf_instance_annotation_of_the_pod_template()
    {
        await using var cluster = await ObservedCluster.StartAsync();
        var instance = "5b3f8a52-3c3e-4c1a-9e61-0b8a5d3c2a11";
        await cluster.CreateAsync(FlinkDeploymentBuilder.Named("orders").WithPodAnnotation("platform.confluent.io/cmf-fa-instance", instance).Build());
        await cluster.AdvanceAsync(Settle);

        var deployment = (await cluster.Http.GetAsync($"{ObservedCluster.JobManagers}/orders")).Object;
        var pods = (JsonArray)(await cluster.Http.GetAsync($"{ObservedCluster.Pods}?labelSelector=component%3Djobmanager")).Object["items"]!;

        Assert.Equal(instance, deployment["spec"]!["template"]!["metadata"]!["annotations"]!["platform.confluent.io/cmf-fa-instance"]!.GetValue<string>());
        Assert.Equal(instance, Assert.Single(pods)!["metadata"]!["annotations"]!["platform.confluent.io/cmf-fa-instance"]!.GetValue<string>());
    }

    [Fact]
    public async Task Savepoint_upgrade_stops_with_a_savepoint_then_replaces_the_job_manager_deployment()
    {
        await using var cluster = await ObservedCluster.StartAsync();
        await cluster.CreateAsync(FlinkDeploymentBuilder.Named("orders").WithUpgradeMode("savepoint").WithHighAvailability().Build());
        await cluster.AdvanceAsync(Settle);
        var before = await cluster.Http.ResourceVersionAsync();

        await cluster.PatchAsync("orders", Parallelism(3));
        await cluster.AdvanceAsync(Settle);

        Sequences.AssertInOrder(
        [
            "STABLE RUNNING READY DEPLOYED",
            "UPGRADING FINISHED READY UPGRADING",
            "UPGRADING FINISHED MISSING UPGRADING",
            "DEPLOYED RECONCILING DEPLOYING DEPLOYED",
            "DEPLOYED RECONCILING DEPLOYED_NOT_READY DEPLOYED",
            "STABLE RUNNING READY DEPLOYED",
        ], cluster.Briefs("orders", before - 1));
        var statuses = cluster.Statuses("orders");
        var stopped = statuses.First(s => s.Brief == "UPGRADING FINISHED READY UPGRADING");
        Assert.Equal(2, stopped.Generation);
        Assert.StartsWith("file:///flink-data/savepoints/savepoint-", stopped.UpgradeSavepointPath);
        var jobManagers = cluster.JobManagerEvents();
        Assert.Equal(["ADDED", "DELETED", "ADDED"], jobManagers.Select(e => e.Type));
        Assert.NotEqual(jobManagers[0].Uid, jobManagers[2].Uid);
        Assert.Equal("2", jobManagers[2].Generation);
        // The old cluster is still there while the savepoint is taken, and gone before the new one appears.
        Assert.True(stopped.ResourceVersion < jobManagers[1].ResourceVersion);
        var missing = statuses.First(s => s.Brief == "UPGRADING FINISHED MISSING UPGRADING");
        Assert.True(jobManagers[1].ResourceVersion < missing.ResourceVersion && missing.ResourceVersion < jobManagers[2].ResourceVersion);
    }

    [Fact]
    public async Task Last_reconciled_spec_is_the_operators_dump_of_the_new_spec_without_a_generation()
    {
        await using var cluster = await ObservedCluster.StartAsync();
        await cluster.CreateAsync(FlinkDeploymentBuilder.Named("orders").WithUpgradeMode("savepoint").WithHighAvailability().Build());
        await cluster.AdvanceAsync(Settle);
        await cluster.PatchAsync("orders", Parallelism(3));
        await cluster.AdvanceAsync(Settle);

        var status = (await cluster.GetAsync("orders"))["status"]!;
        var text = status["reconciliationStatus"]!["lastReconciledSpec"]!.GetValue<string>();
        var lastReconciled = JsonNode.Parse(text)!;

        Assert.Equal(3, lastReconciled["spec"]!["job"]!["parallelism"]!.GetValue<int>());
        Assert.Equal("running", lastReconciled["spec"]!["job"]!["state"]!.GetValue<string>());
        Assert.Equal("savepoint", lastReconciled["spec"]!["job"]!["upgradeMode"]!.GetValue<string>());
        // A Jackson dump of FlinkDeploymentSpec (SpecUtils.writeSpecWithMeta): defaults filled in, nulls written.
        Assert.Contains("\"args\":[]", text, StringComparison.Ordinal);
        Assert.Contains("\"entryClass\":null", text, StringComparison.Ordinal);
        Assert.Contains("\"resource\":{\"cpu\":1.0,\"memory\":\"2048m\",\"ephemeralStorage\":null}", text, StringComparison.Ordinal);
        Assert.Equal(1, lastReconciled["spec"]!["jobManager"]!["replicas"]!.GetValue<int>());
        // Since FKO 1.10 resource_metadata holds no generation (FLINK-33803).
        Assert.Equal("""{"apiVersion":"flink.apache.org/v1beta1","firstDeployment":false}""", lastReconciled["resource_metadata"]!.ToJsonString());
        Assert.Equal(2, status["observedGeneration"]!.GetValue<long>());
        Assert.Equal(status["reconciliationStatus"]!["lastReconciledSpec"]!.GetValue<string>(), status["reconciliationStatus"]!["lastStableSpec"]!.GetValue<string>());
        Assert.Matches("^[0-9]+$", status["jobStatus"]!["startTime"]!.GetValue<string>());
        Assert.Matches("^[0-9]+$", status["jobStatus"]!["updateTime"]!.GetValue<string>());
        Assert.Equal("component=taskmanager,app=orders", status["taskManager"]!["labelSelector"]!.GetValue<string>());
        Assert.NotNull(status["clusterInfo"]!["flink-version"]);
    }

    [Fact]
    public async Task Stateless_upgrade_deletes_the_job_manager_before_recording_the_upgrade()
    {
        await using var cluster = await ObservedCluster.StartAsync();
        await cluster.CreateAsync(FlinkDeploymentBuilder.Named("orders").Build());
        await cluster.AdvanceAsync(Settle);
        var before = await cluster.Http.ResourceVersionAsync();

        await cluster.PatchAsync("orders", Parallelism(3));
        await cluster.AdvanceAsync(Settle);

        Sequences.AssertInOrder(
        [
            "UPGRADING FINISHED MISSING UPGRADING",
            "DEPLOYED RECONCILING DEPLOYING DEPLOYED",
            "STABLE RUNNING READY DEPLOYED",
        ], cluster.Briefs("orders", before));
        Assert.DoesNotContain("UPGRADING FINISHED READY UPGRADING", cluster.Briefs("orders", before));
        var statuses = cluster.Statuses("orders");
        Assert.Null(statuses.Last().UpgradeSavepointPath);
        var jobManagers = cluster.JobManagerEvents();
        Assert.Equal(["ADDED", "DELETED", "ADDED"], jobManagers.Select(e => e.Type));
        var upgrading = statuses.First(s => s.Brief == "UPGRADING FINISHED MISSING UPGRADING");
        Assert.True(jobManagers[1].ResourceVersion < upgrading.ResourceVersion);
    }

    [Fact]
    public async Task Last_state_upgrade_keeps_the_job_id_and_replaces_the_cluster()
    {
        await using var cluster = await ObservedCluster.StartAsync();
        await cluster.CreateAsync(FlinkDeploymentBuilder.Named("orders").WithUpgradeMode("last-state").WithHighAvailability().Build());
        await cluster.AdvanceAsync(Settle);
        var jobIdBefore = FlinkStatusView.Of(await cluster.GetAsync("orders")).JobId;

        await cluster.PatchAsync("orders", Parallelism(3));
        await cluster.AdvanceAsync(Settle);

        var after = FlinkStatusView.Of(await cluster.GetAsync("orders"));
        Assert.Equal("STABLE RUNNING READY DEPLOYED", after.Brief);
        Assert.Equal(jobIdBefore, after.JobId);
        Assert.Equal(["ADDED", "DELETED", "ADDED"], cluster.JobManagerEvents().Select(e => e.Type));
    }

    [Fact]
    public async Task A_savepoint_upgrade_gives_the_job_a_new_job_id()
    {
        await using var cluster = await ObservedCluster.StartAsync();
        await cluster.CreateAsync(FlinkDeploymentBuilder.Named("orders").WithUpgradeMode("savepoint").Build());
        await cluster.AdvanceAsync(Settle);
        var jobIdBefore = FlinkStatusView.Of(await cluster.GetAsync("orders")).JobId;

        await cluster.PatchAsync("orders", Parallelism(3));
        await cluster.AdvanceAsync(Settle);

        var jobIdAfter = FlinkStatusView.Of(await cluster.GetAsync("orders")).JobId;
        Assert.Matches("^[0-9a-f]{32}$", jobIdAfter);
        Assert.NotEqual(jobIdBefore, jobIdAfter);
    }

    [Fact]
    public async Task Changing_only_the_upgrade_mode_bumps_the_generation_without_an_upgrade()
    {
        await using var cluster = await ObservedCluster.StartAsync();
        await cluster.CreateAsync(FlinkDeploymentBuilder.Named("orders").Build());
        await cluster.AdvanceAsync(Settle);

        await cluster.PatchAsync("orders", new JsonObject { ["spec"] = new JsonObject { ["job"] = new JsonObject { ["upgradeMode"] = "savepoint" } } });
        await cluster.AdvanceAsync(Settle);

        var status = FlinkStatusView.Of(await cluster.GetAsync("orders"));
        Assert.Equal(2, status.Generation);
        Assert.Equal(2, status.ObservedGeneration);
        Assert.Equal("STABLE RUNNING READY DEPLOYED", status.Brief);
        Assert.Equal(["ADDED"], cluster.JobManagerEvents().Select(e => e.Type));
    }

    internal static JsonObject Parallelism(int parallelism) =>
        new() { ["spec"] = new JsonObject { ["job"] = new JsonObject { ["parallelism"] = parallelism } } };
}
