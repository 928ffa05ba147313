using System.Text.Json.Nodes;
using Cmf.Core.Model;
using Cmf.Dashboard.Api;
using Cmf.Dashboard.Hubs;
using Cmf.UnitTests.Simulator.Support;
using Cmf.UnitTests.TestSupport;
using k8s;
using k8s.Models;
using Microsoft.AspNetCore.SignalR.Client;

namespace Cmf.UnitTests.Hubs;

/// <summary>
/// The whole pipeline: a FlinkDeployment changed through the simulated Kubernetes API (over HTTP, with the kubeconfig
/// the dashboard wrote) is watched, tracked, committed and pushed to a .NET SignalR client.
/// </summary>
public sealed class StatusHubPipelineTests
{
    private const string Group = "flink.apache.org";
    private const string Version = "v1beta1";
    private const string Plural = "flinkdeployments";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_spec_change_reaches_a_subscriber_as_a_new_instance()
    {
        await using var host = await DashboardHost.StartAsync(new Dictionary<string, string?>
        {
            ["Cmf:Cluster:Mode"] = "Simulated",
            ["Cmf:Cluster:Simulator:Scenario"] = "empty",
            ["Cmf:Cluster:Simulator:Speed"] = "50",
        });
        using var kubernetes = new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(Path.Combine(host.DataDirectory, "simulator.kubeconfig")));
        var key = new ApplicationKey("default", "orders");
        await kubernetes.CustomObjects.CreateNamespacedCustomObjectAsync(
            FlinkDeploymentBuilder.Named("orders").WithUpgradeMode("savepoint").WithHighAvailability().Build(), Group, Version, "default", Plural);
        await Eventually.TrueAsync(async () => (await host.Queries.GetApplicationAsync(key, CancellationToken.None))?.Summary.LatestInstance is not null,
            "the first instance was committed", Bound);
        await using var client = await HubClient.ConnectAsync(host.BaseUrl);
        await client.Connection.InvokeAsync<ApplicationStatusMessage>(nameof(StatusHub.SubscribeApplication), "default", "orders");

        var patch = new JsonObject { ["spec"] = new JsonObject { ["job"] = new JsonObject { ["parallelism"] = 4 } } };
        await kubernetes.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch), Group, Version, "default", Plural, "orders");
        var pushed = await client.InstanceChangedAsync(i => i.Sequence == 2, Bound);

        Assert.Equal("orders", pushed.Application);
        Assert.Equal(4, pushed.EffectiveSpec["job"]!["parallelism"]!.GetValue<int>());
    }
}
