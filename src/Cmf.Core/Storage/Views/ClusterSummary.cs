using Cmf.Core.Tracking;

namespace Cmf.Core.Storage.Views;

/// <summary>One physical cluster: when it ran and which instance it ran.</summary>
public sealed record ClusterSummary
{
    public required string Uid { get; init; }

    public required string Name { get; init; }

    /// <summary>The instance it runs now, or ran last.</summary>
    public required string OwnerInstanceUid { get; init; }

    /// <summary>The instances it ran and since when, oldest first: two or more after an in-place hand-over.</summary>
    public required IReadOnlyList<ClusterSegment> Segments { get; init; }

    public ClusterOwnerSource OwnerSource { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    public bool EndIsApproximate { get; init; }

    public long? Generation { get; init; }

    public string? DeploymentType { get; init; }
}
