using System.Text.Json.Nodes;
using Cmf.UnitTests.Simulator.Support;

namespace Cmf.UnitTests.Simulator;

/// <summary>The JobManager Deployment and the pods carry the owners, statuses and container details a real cluster writes.</summary>
public sealed class ClusterObjectShapeTests
{
    private static readonly TimeSpan Settle = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task The_job_manager_deployment_is_owned_by_its_flink_deployment_as_fko_sets_it()
    {
        await using var cluster = await StartedAsync();

        var deployment = cluster.JobManagerWatch.Objects[^1];
        var flinkDeployment = await cluster.GetAsync("orders");

        var owner = Assert.Single(deployment["metadata"]!["ownerReferences"]!.AsArray())!;
        Assert.Equal(("flink.apache.org/v1beta1", "FlinkDeployment", "orders"), (Text(owner, "apiVersion"), Text(owner, "kind"), Text(owner, "name")));
        Assert.Equal(Text(flinkDeployment, "metadata", "uid"), Text(owner, "uid"));
        // FKO's kubernetes.jobmanager.owner.reference: blockOwnerDeletion true, controller false.
        Assert.Equal((false, true), (owner["controller"]!.GetValue<bool>(), owner["blockOwnerDeletion"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task The_job_manager_pod_is_owned_by_the_replica_set_named_after_the_deployment_and_its_pod_template_hash()
    {
        await using var cluster = await StartedAsync();

        var pod = LatestPod(cluster, "jobmanager");

        var hash = Text(pod, "metadata", "labels", "pod-template-hash");
        var owner = Assert.Single(pod["metadata"]!["ownerReferences"]!.AsArray())!;
        Assert.Equal(("apps/v1", "ReplicaSet", $"orders-{hash}", true), (Text(owner, "apiVersion"), Text(owner, "kind"), Text(owner, "name"), owner["controller"]!.GetValue<bool>()));
        Assert.False(string.IsNullOrEmpty(Text(owner, "uid")));
        Assert.StartsWith($"orders-{hash}-", Text(pod, "metadata", "name"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Task_manager_pods_are_owned_by_the_job_manager_deployment_as_in_native_mode()
    {
        await using var cluster = await StartedAsync();

        var pod = LatestPod(cluster, "taskmanager");
        var deployment = cluster.JobManagerWatch.Objects[^1];

        var owner = Assert.Single(pod["metadata"]!["ownerReferences"]!.AsArray())!;
        Assert.Equal(("apps/v1", "Deployment", "orders", true), (Text(owner, "apiVersion"), Text(owner, "kind"), Text(owner, "name"), owner["controller"]!.GetValue<bool>()));
        Assert.Equal(Text(deployment, "metadata", "uid"), Text(owner, "uid"));
    }

    [Fact]
    public async Task A_running_container_reports_its_normalized_image_its_digest_and_a_container_id()
    {
        await using var cluster = await StartedAsync();

        var container = LatestPod(cluster, "jobmanager")["status"]!["containerStatuses"]![0]!;

        Assert.Equal("docker.io/library/flink:1.20", Text(container, "image"));
        Assert.Matches("^docker\\.io/library/flink@sha256:[0-9a-f]{64}$", Text(container, "imageID"));
        Assert.Matches("^containerd://[0-9a-f]{64}$", Text(container, "containerID"));
        Assert.Equal((true, true, 0), (container["ready"]!.GetValue<bool>(), container["started"]!.GetValue<bool>(), container["restartCount"]!.GetValue<int>()));
        Assert.NotNull(container["state"]!["running"]!["startedAt"]);
    }

    [Fact]
    public async Task Pods_request_canonical_quantities_and_only_task_managers_never_restart()
    {
        await using var cluster = await ObservedCluster.StartAsync();
        var flinkDeployment = FlinkDeploymentBuilder.Named("orders").Build();
        flinkDeployment["spec"]!["taskManager"] = new JsonObject { ["resource"] = new JsonObject { ["memory"] = "1600m", ["cpu"] = 0.5 } };
        await cluster.CreateAsync(flinkDeployment);
        await cluster.AdvanceAsync(Settle);

        var (jobManager, taskManager) = (LatestPod(cluster, "jobmanager"), LatestPod(cluster, "taskmanager"));

        Assert.Equal(("1", "2Gi"), (Text(jobManager, "spec", "containers", "0", "resources", "requests", "cpu"), Text(jobManager, "spec", "containers", "0", "resources", "requests", "memory")));
        Assert.Equal(("500m", "1600Mi"), (Text(taskManager, "spec", "containers", "0", "resources", "limits", "cpu"), Text(taskManager, "spec", "containers", "0", "resources", "limits", "memory")));
        Assert.Equal(("Always", "Never"), (Text(jobManager, "spec", "restartPolicy"), Text(taskManager, "spec", "restartPolicy")));
        Assert.Equal("Guaranteed", Text(taskManager, "status", "qosClass"));
    }

    [Fact]
    public async Task A_pod_keeps_its_host_and_the_transition_time_of_conditions_that_did_not_change()
    {
        await using var cluster = await ObservedCluster.StartAsync();
        await cluster.CreateAsync(FlinkDeploymentBuilder.Named("orders").Build());
        await cluster.AdvanceAsync(TimeSpan.FromSeconds(1));
        await cluster.AdvanceAsync(Settle);

        var versions = cluster.PodWatch.Objects.Where(p => Text(p, "metadata", "labels", "component") == "jobmanager").ToList();
        var (pending, running) = (versions.First(p => Text(p, "status", "phase") == "Pending"), versions.Last(p => Text(p, "status", "phase") == "Running"));

        Assert.Equal(Text(pending, "status", "hostIP"), Text(running, "status", "hostIP"));
        Assert.Equal(Condition(pending, "PodScheduled", "lastTransitionTime"), Condition(running, "PodScheduled", "lastTransitionTime"));
        Assert.NotEqual(Condition(pending, "Ready", "lastTransitionTime"), Condition(running, "Ready", "lastTransitionTime"));
        Assert.Equal(("False", "True"), (Condition(pending, "Ready", "status"), Condition(running, "Ready", "status")));
    }

    [Fact]
    public async Task The_deployment_conditions_name_the_replica_set_and_keep_their_transition_time_while_true()
    {
        await using var cluster = await ObservedCluster.StartAsync();
        await cluster.CreateAsync(FlinkDeploymentBuilder.Named("orders").Build());
        await cluster.AdvanceAsync(TimeSpan.FromSeconds(1));
        await cluster.AdvanceAsync(Settle);

        var versions = cluster.JobManagerWatch.Objects;
        var (created, ready) = (versions[0], versions[^1]);
        var hash = Text(LatestPod(cluster, "jobmanager"), "metadata", "labels", "pod-template-hash");

        Assert.Equal(("False", "True"), (Condition(created, "Available", "status"), Condition(ready, "Available", "status")));
        Assert.Equal($"ReplicaSet \"orders-{hash}\" has successfully progressed.", Condition(ready, "Progressing", "message"));
        Assert.Equal(Condition(created, "Progressing", "lastTransitionTime"), Condition(ready, "Progressing", "lastTransitionTime"));
        Assert.NotEqual(Condition(created, "Progressing", "lastUpdateTime"), Condition(ready, "Progressing", "lastUpdateTime"));
    }

    private static async Task<ObservedCluster> StartedAsync()
    {
        var cluster = await ObservedCluster.StartAsync();
        await cluster.CreateAsync(FlinkDeploymentBuilder.Named("orders").Build());
        await cluster.AdvanceAsync(Settle);
        return cluster;
    }

    private static JsonObject LatestPod(ObservedCluster cluster, string component) =>
        cluster.PodWatch.Objects.Last(p => Text(p, "metadata", "labels", "component") == component);

    private static string? Condition(JsonObject obj, string type, string field) =>
        obj["status"]!["conditions"]!.AsArray().Single(c => Text(c!, "type") == type)![field]?.GetValue<string>();

    private static string? Text(JsonNode node, params string[] path)
    {
        JsonNode? current = node;
        foreach (var part in path)
        {
            current = current is JsonArray array ? array[int.Parse(part, System.Globalization.CultureInfo.InvariantCulture)] : current?[part];
        }
        return current?.GetValue<string>();
    }
}
