using Cmf.Core.Model;
using Cmf.Core.Storage.Entities;
using Cmf.Core.Tracking;

namespace Cmf.Core.Storage.Writing;

/// <summary>
/// The rows the writer stores for the tracker's state, as entities; the SQL that writes them comes from the model
/// (<see cref="TableShape"/>). A new entity property is written once it is set here.
/// </summary>
internal static class StoredRows
{
    /// <summary>The list columns (instance count, latest and current sequence) are refreshed from the instance rows after the batch.</summary>
    public static StoredApplication Application(ApplicationState state, long commit)
    {
        var status = state.Status;
        var reported = status.Reported;
        return new StoredApplication
        {
            Environment = state.Key.Environment,
            Name = state.Key.Name,
            Namespace = state.Namespace,
            ObjectUid = state.ObjectUid,
            ResourceVersion = state.ResourceVersion,
            Generation = state.Generation,
            ObjectDeleted = state.ObjectDeleted,
            LastSequence = state.LastSequence,
            JobState = reported.JobState,
            JobId = reported.JobId,
            JobName = reported.JobName,
            LifecycleState = reported.LifecycleState,
            JobManagerDeploymentStatus = reported.JobManagerDeploymentStatus,
            ReconciliationState = reported.ReconciliationState,
            Error = reported.Error,
            ObservedGeneration = reported.ObservedGeneration,
            UpgradeSavepointPath = reported.UpgradeSavepointPath,
            FlinkVersion = status.FlinkVersion,
            UpgradeMode = status.UpgradeMode,
            LastChangeAt = status.LastChangeAt,
            CurrentInstanceUid = state.CurrentInstanceUid,
            PendingUpgrade = state.PendingInstance is not null,
            LastCommit = commit,
            ErrorEpisodeJson = TrackerMemoryJson.WriteErrorEpisode(state.ErrorEpisode),
            LastRejection = state.LastRejection,
            PendingClustersJson = TrackerMemoryJson.WriteHeldClusters(state.HeldClusters),
        };
    }

    /// <summary>What the spec changed (<see cref="StoredInstance.ChangeSummary"/> and the rest) is written apart, once the spec is stored.</summary>
    public static StoredInstance Instance(long applicationId, InstanceState instance) => new()
    {
        Uid = instance.Uid,
        ApplicationId = applicationId,
        Sequence = instance.Sequence,
        ObjectUid = instance.ObjectUid,
        Generation = instance.Generation,
        SpecHash = instance.SpecHash,
        CreatedAt = instance.CreatedAt,
        SupersededAt = instance.SupersededAt,
        EndedAt = instance.EndedAt,
        JobState = instance.JobState,
        JobId = instance.JobId,
        LifecycleState = instance.LifecycleState,
        Error = instance.Error,
        Stop = instance.Stop,
        StopSavepointPath = instance.StopSavepointPath,
        ReconciledAt = instance.ReconciledAt,
        StatusUpdatedAt = instance.StatusUpdatedAt,
        FlinkVersion = instance.FlinkVersion,
        UpgradeMode = instance.UpgradeMode,
        ChangedBy = instance.ChangedBy,
        ChangedAt = instance.ChangedAt,
        ChangeOrigin = instance.ChangeOrigin,
        DiffType = instance.DiffType,
        Outcome = instance.Outcome?.Kind,
        OutcomeInstanceUid = instance.Outcome?.InstanceUid,
        OutcomeInstanceSequence = instance.Outcome?.InstanceSequence,
        OutcomeClusterUid = instance.Outcome?.ClusterUid,
        OutcomeAt = instance.Outcome?.At,
    };

    public static StoredInstanceSpec Spec(long instanceId, InstanceSpec spec) => new()
    {
        InstanceId = instanceId,
        EffectiveSpecJson = spec.EffectiveSpecJson,
    };

    public static StoredCluster Cluster(long applicationId, ClusterState cluster) => new()
    {
        Uid = cluster.Uid,
        ApplicationId = applicationId,
        Name = cluster.Name,
        OwnerInstanceUid = cluster.OwnerInstanceUid,
        OwnerSource = cluster.OwnerSource,
        StartedAt = cluster.StartedAt,
        EndedAt = cluster.EndedAt,
        EndIsApproximate = cluster.EndIsApproximate,
        ResourceVersion = cluster.ResourceVersion,
        Generation = cluster.Generation,
        DeploymentType = cluster.DeploymentType,
        SegmentsJson = TrackerMemoryJson.WriteSegments(cluster),
        StableInstanceUid = cluster.StableInstanceUid,
        Departing = cluster.Departing,
    };

    public static StoredSnapshot Snapshot(long applicationId, SnapshotState snapshot)
    {
        var r = snapshot.Resource;
        return new StoredSnapshot
        {
            Uid = r.Uid,
            ApplicationId = applicationId,
            Name = r.Name,
            ResourceVersion = r.ResourceVersion,
            InstanceUid = snapshot.InstanceUid,
            CreatedAt = r.CreatedAt,
            SeenAt = snapshot.SeenAt,
            SnapshotType = r.SnapshotType,
            TriggerType = r.TriggerType,
            State = r.State,
            Path = r.Path,
            Error = r.Error,
            Failures = r.Failures,
            TriggeredAt = r.TriggeredAt,
            ResultAt = r.ResultAt,
        };
    }

    public static StoredEvent Event(long applicationId, AppEvent appEvent) => new()
    {
        ApplicationId = applicationId,
        Timestamp = appEvent.Timestamp,
        Kind = appEvent.Kind,
        CmfType = appEvent.CmfType,
        Message = appEvent.Message,
        InstanceUid = appEvent.InstanceUid,
        ClusterUid = appEvent.ClusterUid,
        NewStatus = appEvent.NewStatus,
        Key = appEvent.Key,
        Count = appEvent.Count,
        LastSeenAt = appEvent.LastSeenAt,
        Reason = appEvent.Reason,
        EventType = appEvent.EventType,
        Source = appEvent.Source,
    };

    public static StoredWatchPosition WatchPosition(string name, string resourceVersion) => new() { Name = name, ResourceVersion = resourceVersion };
}
