using Cmf.Core.Model;

namespace Cmf.Core.Storage.Entities;

/// <summary>
/// One FlinkDeployment by (environment, name). The list columns at the end are copies kept in sync by
/// the writer so that the application list is a single-table query.
/// </summary>
internal sealed class StoredApplication
{
    public long Id { get; set; }

    public required string Environment { get; set; }

    public required string Name { get; set; }

    public required string Namespace { get; set; }

    public string? ObjectUid { get; set; }

    public string? ResourceVersion { get; set; }

    public long Generation { get; set; }

    public bool ObjectDeleted { get; set; }

    public int LastSequence { get; set; }

    public JobState? JobState { get; set; }

    public string? JobId { get; set; }

    public string? JobName { get; set; }

    public LifecycleState? LifecycleState { get; set; }

    public JobManagerDeploymentStatus? JobManagerDeploymentStatus { get; set; }

    public ReconciliationState? ReconciliationState { get; set; }

    public string? Error { get; set; }

    public long? ObservedGeneration { get; set; }

    public string? UpgradeSavepointPath { get; set; }

    public string? FlinkVersion { get; set; }

    public string? UpgradeMode { get; set; }

    public DateTimeOffset? LastChangeAt { get; set; }

    /// <summary>Tracker memory: the error the operator keeps reporting (JSON), so its count survives a restart.</summary>
    public string? ErrorEpisodeJson { get; set; }

    /// <summary>Tracker memory: the last resource rejected as unreadable, so it is reported once.</summary>
    public string? LastRejection { get; set; }

    /// <summary>Tracker memory: JobManager Deployments still waiting for their generation (JSON), so a restart cannot lose them.</summary>
    public string? PendingClustersJson { get; set; }

    public string? CurrentInstanceUid { get; set; }

    public int? CurrentInstanceSequence { get; set; }

    public string? LatestInstanceUid { get; set; }

    public int? LatestInstanceSequence { get; set; }

    public int InstanceCount { get; set; }

    /// <summary>The operator has not reconciled the latest instance's generation yet (DESIGN 3.2 rule 5).</summary>
    public bool PendingUpgrade { get; set; }

    /// <summary>The commit that last changed this row (for the change feed).</summary>
    public long LastCommit { get; set; }
}
