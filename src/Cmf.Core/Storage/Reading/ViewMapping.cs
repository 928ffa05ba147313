using Cmf.Core.Model;
using Cmf.Core.Storage.Entities;
using Cmf.Core.Storage.Views;
using Cmf.Core.Storage.Writing;
using Cmf.Core.Tracking;

namespace Cmf.Core.Storage.Reading;

/// <summary>
/// Rows to view records: callers never see entities. An instance and a cluster read back as the tracker's own
/// <see cref="InstanceState"/> and <see cref="ClusterState"/>, the same mapping the tracker's state is loaded with.
/// </summary>
internal static class ViewMapping
{
    public static ApplicationSummary ToSummary(StoredApplication a) => new()
    {
        Key = new ApplicationKey(a.Environment, a.Name),
        Namespace = a.Namespace,
        JobState = a.JobState,
        LifecycleState = a.LifecycleState,
        StoppedForUpgrade = a.JobState is JobState.Finished or JobState.Canceled
            && a.ReconciliationState is ReconciliationState.Upgrading or ReconciliationState.RollingBack,
        CurrentInstance = Reference(a.CurrentInstanceUid, a.CurrentInstanceSequence),
        LatestInstance = Reference(a.LatestInstanceUid, a.LatestInstanceSequence),
        PendingUpgrade = a.PendingUpgrade,
        InstanceCount = a.InstanceCount,
        LastChangeAt = a.LastChangeAt,
        FlinkVersion = a.FlinkVersion,
        UpgradeMode = a.UpgradeMode,
        ObjectDeleted = a.ObjectDeleted,
        Error = a.Error,
        ErrorEpisode = TrackerMemoryJson.ReadErrorEpisode(a.ErrorEpisodeJson),
        LastCommit = a.LastCommit,
    };

    public static ApplicationDetailView ToDetail(StoredApplication a) => new()
    {
        Summary = ToSummary(a),
        ObjectUid = a.ObjectUid,
        ResourceVersion = a.ResourceVersion,
        Generation = a.Generation,
        LastSequence = a.LastSequence,
        JobId = a.JobId,
        JobName = a.JobName,
        JobManagerDeploymentStatus = a.JobManagerDeploymentStatus,
        ReconciliationState = a.ReconciliationState,
        ObservedGeneration = a.ObservedGeneration,
        UpgradeSavepointPath = a.UpgradeSavepointPath,
    };

    public static InstanceState ToState(StoredInstance i) => new()
    {
        Uid = i.Uid,
        Sequence = i.Sequence,
        ObjectUid = i.ObjectUid,
        Generation = i.Generation,
        SpecHash = i.SpecHash,
        CreatedAt = i.CreatedAt,
        SupersededAt = i.SupersededAt,
        EndedAt = i.EndedAt,
        JobState = i.JobState,
        JobId = i.JobId,
        LifecycleState = i.LifecycleState,
        Error = i.Error,
        Stop = i.Stop,
        StopSavepointPath = i.StopSavepointPath,
        ReconciledAt = i.ReconciledAt,
        StatusUpdatedAt = i.StatusUpdatedAt,
        FlinkVersion = i.FlinkVersion,
        UpgradeMode = i.UpgradeMode,
        ChangedBy = i.ChangedBy,
        ChangedAt = i.ChangedAt,
        ChangeOrigin = i.ChangeOrigin,
        DiffType = i.DiffType,
        Outcome = OutcomeColumns.Read(i),
    };

    public static SnapshotView ToView(StoredSnapshot s) => new()
    {
        Name = s.Name,
        InstanceUid = s.InstanceUid,
        CreatedAt = s.CreatedAt,
        SnapshotType = s.SnapshotType,
        TriggerType = s.TriggerType,
        State = s.State,
        Path = s.Path,
        Error = s.Error,
        Failures = s.Failures,
        TriggeredAt = s.TriggeredAt,
        ResultAt = s.ResultAt,
    };

    public static ClusterState ToState(StoredCluster c) => new()
    {
        Uid = c.Uid,
        Name = c.Name,
        OwnerInstanceUid = c.OwnerInstanceUid,
        Segments = TrackerMemoryJson.ReadSegments(c.SegmentsJson, c.OwnerInstanceUid, c.StartedAt),
        OwnerSource = c.OwnerSource,
        StartedAt = c.StartedAt,
        EndedAt = c.EndedAt,
        EndIsApproximate = c.EndIsApproximate,
        ResourceVersion = c.ResourceVersion,
        Generation = c.Generation,
        DeploymentType = c.DeploymentType,
        StableInstanceUid = c.StableInstanceUid,
        Departing = c.Departing,
    };

    public static EventView ToView(StoredEvent e) => new()
    {
        Id = e.Id,
        Timestamp = e.Timestamp,
        Kind = e.Kind,
        CmfType = e.CmfType,
        Message = e.Message,
        InstanceUid = e.InstanceUid,
        ClusterUid = e.ClusterUid,
        NewStatus = e.NewStatus,
        Count = e.Count,
        LastSeenAt = e.LastSeenAt,
        Reason = e.Reason,
        EventType = e.EventType,
        Source = e.Source,
    };

    private static InstanceReference? Reference(string? uid, int? sequence) =>
        uid is null || sequence is null ? null : new InstanceReference(uid, sequence.Value);
}
