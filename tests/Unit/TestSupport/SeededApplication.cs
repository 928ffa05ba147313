using System.Text.Json.Nodes;
using Cmf.Core.Attribution;
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

    /// <summary>A spec change written by the manager the attribution names (as the watcher reads it from managedFields).</summary>
    public Task<CommitResult> SpecAsync(string label, ChangeAttribution attribution) => CommitAsync(_scenario.Spec(label, attribution: attribution));

    /// <summary>A spec change to a realistic spec: the effective spec is built, fingerprinted and hashed by the real factory.</summary>
    public Task<CommitResult> SpecAsync(SpecVersion spec) => CommitAsync(_scenario.Spec(spec));

    /// <summary>A spec change to a realistic FlinkDeployment spec: canonicalised, fingerprinted and hashed as the watcher does.</summary>
    public Task<CommitResult> SpecAsync(JsonObject observedSpec) =>
        CommitAsync(_scenario.Spec(SpecVersionFactory.Create(observedSpec)));

    /// <summary>The job RUNNING and the spec STABLE for the generation the operator has reconciled (the latest).</summary>
    public Task<CommitResult> RunningAsync() =>
        CommitAsync(_scenario.Status(StatusChanges.Running(observedGeneration: _scenario.Generation)));

    public Task<CommitResult> StatusAsync(Func<FlinkDeploymentStatusSnapshot, FlinkDeploymentStatusSnapshot> change) => CommitAsync(_scenario.Status(change));

    public Task<CommitResult> ClusterStartedAsync(string cluster) => CommitAsync(_scenario.DeploymentAdded(cluster, _scenario.Generation));

    public Task<CommitResult> ClusterEndedAsync(string cluster) => CommitAsync(_scenario.DeploymentDeleted(cluster));

    /// <summary>
    /// DESIGN 3.3 step 1 as FKO plays it (Tracking/DesignScenarioTests): #1 created, the operator records it UPGRADING with
    /// the job id, JobManager Deployment C1 appears, the job is submitted, then RUNNING and STABLE.
    /// </summary>
    public async Task DeployedAndRunningAsync()
    {
        await SpecAsync("v1");
        await StatusAsync(s => s with
        {
            ReconciliationState = ReconciliationState.Upgrading,
            LifecycleState = LifecycleState.Upgrading,
            JobManagerDeploymentStatus = JobManagerDeploymentStatus.Missing,
            ObservedGeneration = _scenario.Generation,
            JobId = StatusChanges.FirstJobId,
        });
        await ClusterStartedAsync("C1");
        await StatusAsync(StatusChanges.Submitted(observedGeneration: _scenario.Generation));
        await RunningAsync();
    }

    /// <summary>
    /// DESIGN 3.3 steps 1-2: #1 deployed and running; #2 with upgradeMode savepoint: the job stops with a savepoint while C1
    /// stays, C1 is deleted, the new job id is written, C2 comes for generation 2 and runs #2.
    /// </summary>
    public async Task SavepointUpgradeAsync()
    {
        await DeployedAndRunningAsync();
        await SpecAsync("v2");
        await StatusAsync(StatusChanges.StoppedWithSavepoint(observedGeneration: 2));
        await ClusterEndedAsync("C1");
        await StatusAsync(StatusChanges.ClusterDeleted());
        await StatusAsync(StatusChanges.NewJobId("J2"));
        await ClusterStartedAsync("C2");
        await StatusAsync(StatusChanges.Submitted(observedGeneration: 2));
        await RunningAsync();
    }

    /// <summary>
    /// DESIGN 3.3 step 3: #2 is created but its savepoint fails <paramref name="failures"/> times; between two retries the
    /// operator's observer clears the error. C1 keeps running #1, #2 stays pending and the error is set at the end.
    /// </summary>
    public async Task FailingSavepointAsync(int failures = 3)
    {
        await DeployedAndRunningAsync();
        await SpecAsync("v2");
        for (var failure = 0; failure < failures; failure++)
        {
            if (failure > 0)
            {
                await StatusAsync(StatusChanges.ErrorCleared());
            }
            await StatusAsync(StatusChanges.SavepointFailed(observedGeneration: 1));
        }
    }

    /// <summary>DESIGN 3.3 step 4: after the failing savepoint, the spec goes back to v1 as #3 and the operator reconciles it with nothing to do.</summary>
    public async Task RevertAfterFailingSavepointAsync()
    {
        await FailingSavepointAsync();
        await SpecAsync("v1");
        await StatusAsync(StatusChanges.ErrorCleared());
        await StatusAsync(StatusChanges.ReconciledInPlace(observedGeneration: 3));
    }

    /// <summary>DESIGN 3.3 scenario 8: an upgradeMode change (#2) the operator applies in place: C1 is handed over to #2.</summary>
    public async Task InPlaceChangeAsync()
    {
        await DeployedAndRunningAsync();
        await SpecAsync("v1-last-state");
        await StatusAsync(StatusChanges.ReconciledInPlace(observedGeneration: 2));
    }

    /// <summary>The operator writes Event <paramref name="name"/> about the FlinkDeployment (see <see cref="OperatorHistorySteps"/>).</summary>
    public Task<CommitResult> OperatorEventAsync(string name, string reason, string message, string type = "Normal") =>
        CommitAsync(_scenario.OperatorEvent(name, reason, message, type: type));

    /// <summary>The operator creates or updates FlinkStateSnapshot <paramref name="name"/> of the running job.</summary>
    public Task<CommitResult> SnapshotAsync(string name, string state, string triggerType = "PERIODIC", string? path = null, string? error = null, int failures = 0, long resourceVersion = 1) =>
        CommitAsync(_scenario.Snapshot(name, state, triggerType, path: path, error: error, failures: failures, resourceVersion: resourceVersion));

    private Task<CommitResult> CommitAsync(TrackerResult result) => store.CommitAsync([result], CancellationToken.None);
}
