using Cmf.Core.Tracking;

namespace Cmf.Core.Storage.Entities;

/// <summary>One physical cluster (JobManager Deployment) of an application.</summary>
internal sealed class StoredCluster
{
    public long Id { get; set; }

    public required string Uid { get; set; }

    public long ApplicationId { get; set; }

    public required string Name { get; set; }

    public required string OwnerInstanceUid { get; set; }

    public ClusterOwnerSource OwnerSource { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public bool EndIsApproximate { get; set; }

    public string? ResourceVersion { get; set; }

    public long? Generation { get; set; }

    public string? DeploymentType { get; set; }

    /// <summary>The instances it ran and since when (JSON); null for a cluster that only ever ran its first owner.</summary>
    public string? SegmentsJson { get; set; }

    public string? StableInstanceUid { get; set; }

    public bool Departing { get; set; }
}
