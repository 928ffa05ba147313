using Cmf.Core.Model;

namespace Cmf.Core.Tracking;

/// <summary>
/// The functional core: from an application's state and one observation, decide the new state and the
/// events (DESIGN 3.2). Pure: no I/O, no clock reads, time is passed in.
/// </summary>
public static class InstanceTracker
{
    public static TrackerResult Apply(ApplicationState state, Observation observation, DateTimeOffset now, TrackerSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(observation);

        settings ??= TrackerSettings.Default;
        var step = new TrackerStep(state, now, settings);
        switch (observation)
        {
            case FlinkDeploymentObserved observed:
                step.ObserveFlinkDeployment(observed.Resource);
                break;
            case FlinkDeploymentRelisted { Resource: { } resource }:
                step.ObserveFlinkDeployment(resource);
                break;
            case FlinkDeploymentRelisted:
                step.DeleteFlinkDeployment(state.ObjectUid, resourceVersion: null, reason: "no longer listed");
                break;
            case FlinkDeploymentDeleted deleted:
                step.DeleteFlinkDeployment(deleted.ObjectUid, deleted.ResourceVersion, reason: "deleted");
                break;
            case JobManagerDeploymentObserved observed:
                step.ObserveJobManagerDeployment(
                    observed.Deployment, listedSince: observed.Replayed ? observed.Deployment.CreationTimestamp ?? now : null);
                break;
            case JobManagerDeploymentDeleted deleted:
                step.EndCluster(deleted.Deployment.Uid, approximate: deleted.Replayed);
                break;
            case ClustersRelisted relisted:
                step.ApplyClusterRelist(relisted.Deployments);
                break;
            case JobManagerPodObserved pod:
                step.ObserveJobManagerPod(pod.InstanceUid);
                break;
            case OperatorEventObserved observed:
                step.ObserveOperatorEvent(observed.Event, observed.Replayed);
                break;
            case FlinkStateSnapshotObserved observed:
                step.ObserveSnapshot(observed.Snapshot, observed.Replayed);
                break;
            case ResourceRejected rejected:
                step.Reject(rejected);
                break;
            default:
                throw new ArgumentException($"Unknown observation {observation.GetType().Name}.", nameof(observation));
        }
        return step.Finish();
    }
}
