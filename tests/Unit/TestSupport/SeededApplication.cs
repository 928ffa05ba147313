using System.Text.Json.Nodes;
using Cmf.Core.Model;
using Cmf.Core.Specs;
using Cmf.Core.Storage;
using Cmf.Core.Tracking;
using Cmf.UnitTests.Tracking;

namespace Cmf.UnitTests.TestSupport;

/// <summary>
/// Seeds a real store the way the watcher would: each step runs the real tracker (via <see cref="TrackerScenario"/>)
/// and commits its result. Use it for page and API tests that need history without a cluster.
/// </summary>
public sealed class SeededApplication(InstanceStore store, ApplicationKey key, string? @namespace = null, TrackerSettings? settings = null)
{
    private readonly TrackerScenario _scenario = new(settings, key, @namespace);

    public ApplicationKey Key => _scenario.Key;

    public ApplicationState State => _scenario.State;

    /// <summary>The tracker's clock: it moves ten seconds per step from <see cref="TrackerScenario.Start"/>.</summary>
    public DateTimeOffset Now => _scenario.Now;

    public string InstanceUid(int sequence) => _scenario.InstanceUidOf(sequence);

    public string ClusterUid(string cluster) => _scenario.ClusterUid(cluster);

    public Task<CommitResult> SpecAsync(string label, string? instanceAnnotation = null) => CommitAsync(_scenario.Spec(label, instanceAnnotation: instanceAnnotation));

    /// <summary>A spec change to a realistic spec: the effective spec is built, sealed and hashed by the real factory.</summary>
    public Task<CommitResult> SpecAsync(SpecVersion spec) => CommitAsync(_scenario.Spec(spec));

    /// <summary>A spec change to a realistic FlinkDeployment spec: canonicalised, sealed and hashed as the watcher does.</summary>
    public Task<CommitResult> SpecAsync(JsonObject observedSpec) =>
        CommitAsync(_scenario.Spec(SpecVersionFactory.Create(observedSpec)));

    public Task<CommitResult> RunningAsync() =>
        CommitAsync(_scenario.Status(StatusChanges.Running(observedGeneration: _scenario.Generation)));

    public Task<CommitResult> StatusAsync(Func<FlinkDeploymentStatusSnapshot, FlinkDeploymentStatusSnapshot> change) => CommitAsync(_scenario.Status(change));

    public Task<CommitResult> ClusterStartedAsync(string cluster) => CommitAsync(_scenario.DeploymentAdded(cluster, _scenario.Generation));

    public Task<CommitResult> ClusterEndedAsync(string cluster) => CommitAsync(_scenario.DeploymentDeleted(cluster));

    /// <summary>DESIGN 3.3 step 1: #1 created, its cluster C1 up, the job running.</summary>
    public async Task DeployedAndRunningAsync()
    {
        await SpecAsync("v1");
        await ClusterStartedAsync("C1");
        await RunningAsync();
    }

    /// <summary>DESIGN 3.3 steps 1-2: #1 deployed and running, then a savepoint upgrade to #2 completes.</summary>
    public async Task SavepointUpgradeAsync()
    {
        await DeployedAndRunningAsync();
        await SpecAsync("v2");
        await StatusAsync(StatusChanges.StoppedWithSavepoint(observedGeneration: 2));
        await ClusterEndedAsync("C1");
        await ClusterStartedAsync("C2");
        await RunningAsync();
    }

    /// <summary>DESIGN 3.3 step 3: #2 is created but its savepoint keeps failing, so C1 keeps running #1.</summary>
    public async Task FailingSavepointAsync()
    {
        await DeployedAndRunningAsync();
        await SpecAsync("v2");
        await StatusAsync(StatusChanges.SavepointFailed(observedGeneration: 1));
    }

    private Task<CommitResult> CommitAsync(TrackerResult result) => store.CommitAsync([result], CancellationToken.None);
}
