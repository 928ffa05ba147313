using Cmf.Core.Tracking;
using System.Text.Json.Nodes;
using Cmf.Core.Model;
using Cmf.Core.Storage.Views;
using Cmf.UnitTests.Simulator.Support;

namespace Cmf.UnitTests.Ingest;

/// <summary>
/// DESIGN 3.3 played by the simulated operator, watched over real HTTP: the store ends with exactly the
/// expected instances, clusters, owners, current instance and job states.
/// </summary>
public sealed class DesignScenarioOverHttpTests
{
    private const string Ns = "prod";
    private const string App = "orders";
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Savepoint_upgrade_blocked_upgrade_revert_and_migration_end_with_the_expected_history()
    {
        await using var simulator = await TestSimulator.StartAsync();
        simulator.Api.CreateNamespace(Ns);
        await using var cluster = await WatchedCluster.StartAsync(simulator);

        // 1. Created: #1 gets cluster C1 and runs.
        simulator.Api.CreateFlinkDeployment(Ns, FlinkDeploymentBuilder.Named(App).WithUpgradeMode("savepoint").WithHighAvailability().Build());
        await simulator.Clock.AdvanceAsync(Settle);
        await UntilAsync(cluster, a => a.Summary.CurrentInstance?.Sequence == 1 && a.Summary.JobState == JobState.Running, "#1 runs");

        // 2. Savepoint upgrade: #2 replaces #1, C2 replaces C1.
        Patch(simulator, """{"spec":{"job":{"parallelism":3}}}""");
        await simulator.Clock.AdvanceAsync(Settle);
        await UntilAsync(cluster, a => a.Summary.CurrentInstance?.Sequence == 2 && a.Summary.JobState == JobState.Running, "#2 runs");

        // 3. Savepoints fail: #3 is created but blocked, #2 stays current on C2.
        Patch(simulator, """{"metadata":{"annotations":{"simulator.cmf.dev/savepoint-fails":"true"}},"spec":{"job":{"parallelism":4}}}""");
        await simulator.Clock.AdvanceAsync(Settle);
        await UntilAsync(cluster, a => a.Summary.LatestInstance?.Sequence == 3 && a.Summary.Error is not null, "the upgrade to #3 is blocked");

        // 4. Reverted to #2's spec: a new instance #4; C2 still reports to #2.
        Patch(simulator, """{"spec":{"job":{"parallelism":3}}}""");
        await simulator.Clock.AdvanceAsync(Settle);
        await UntilAsync(cluster, a => a.Summary.LatestInstance?.Sequence == 4 && a.Summary.Error is null, "the revert is accepted");

        // 5. A stateless change migrates off C2 without a savepoint: #5 on C3.
        Patch(simulator, """{"spec":{"job":{"parallelism":5,"upgradeMode":"stateless"}}}""");
        await simulator.Clock.AdvanceAsync(Settle);
        await UntilAsync(cluster, a => a.Summary.CurrentInstance?.Sequence == 5 && a.Summary.JobState == JobState.Running, "#5 runs");

        var instances = await cluster.InstancesAsync(Ns, App);
        var clusters = await cluster.ClustersAsync(Ns, App);
        Assert.Equal([1, 2, 3, 4, 5], instances.Select(i => i.Sequence));
        Assert.Equal(["#1 ended", "#2 ended", "#5"], clusters.Select(c => Describe(c, instances)));
        Assert.Equal(Uid(instances, 5), (await cluster.ApplicationAsync(Ns, App))!.Summary.CurrentInstance!.Uid);
        Assert.Equal(JobState.Finished, instances[0].JobState);
        Assert.Equal(Cmf.Core.Tracking.InstanceStop.Upgrade, instances[0].Stop);
        Assert.Null(instances[2].JobState);
        Assert.Null(instances[3].JobState);
        Assert.Equal(JobState.Running, instances[4].JobState);
        Assert.All(instances.Take(4), i => Assert.NotNull(i.EndedAt));
        Assert.Equal(
            simulator.GroundTruth.JobManagerDeployments().Where(d => d.ApplicationName == App).Select(d => d.DeploymentUid).Distinct(),
            clusters.Select(c => c.Uid));
    }

    [Fact]
    public async Task Finished_batch_job_keeps_its_state_after_a_later_change()
    {
        await using var simulator = await TestSimulator.StartAsync();
        simulator.Api.CreateNamespace(Ns);
        await using var cluster = await WatchedCluster.StartAsync(simulator);

        simulator.Api.CreateFlinkDeployment(Ns, FlinkDeploymentBuilder.Named(App).WithAnnotation("simulator.cmf.dev/finish-after-seconds", "20").Build());
        await simulator.Clock.AdvanceAsync(Settle);
        await UntilAsync(cluster, a => a.Summary.JobState == JobState.Finished, "the batch job finishes");
        Patch(simulator, """{"metadata":{"annotations":{"simulator.cmf.dev/finish-after-seconds":null}},"spec":{"job":{"parallelism":3}}}""");
        await simulator.Clock.AdvanceAsync(Settle);
        await UntilAsync(cluster, a => a.Summary.CurrentInstance?.Sequence == 2 && a.Summary.JobState == JobState.Running, "#2 runs");

        var instances = await cluster.InstancesAsync(Ns, App);
        Assert.Equal(JobState.Finished, instances[0].JobState);
        Assert.Equal(Cmf.Core.Tracking.InstanceStop.None, instances[0].Stop);
        Assert.Equal(JobState.Running, instances[1].JobState);
    }

    private static void Patch(Cmf.Simulator.SimulatorServer simulator, string mergePatch) =>
        simulator.Api.PatchFlinkDeployment(Ns, App, JsonNode.Parse(mergePatch)!.AsObject());

    private static Task UntilAsync(WatchedCluster cluster, Func<ApplicationDetailView, bool> condition, string what) =>
        cluster.UntilAsync(Ns, App, condition, what);

    private static string Uid(IReadOnlyList<InstanceState> instances, int sequence) => instances.Single(i => i.Sequence == sequence).Uid;

    private static string Describe(ClusterState cluster, IReadOnlyList<InstanceState> instances) =>
        $"#{instances.Single(i => i.Uid == cluster.OwnerInstanceUid).Sequence}{(cluster.EndedAt is null ? "" : " ended")}";
}
