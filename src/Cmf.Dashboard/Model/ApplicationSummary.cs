using Cmf.Core.Model;
using Cmf.Core.Tracking;

namespace Cmf.Dashboard.Model;

/// <summary>One application as the list and the detail header show it.</summary>
public sealed record ApplicationSummary
{
    public required string Environment { get; init; }

    public required string Name { get; init; }

    public string? Namespace { get; init; }

    public JobState? JobState { get; init; }

    public LifecycleState? LifecycleState { get; init; }

    /// <summary>FINISHED or CANCELED while the operator upgrades or rolls back: the job was stopped for it.</summary>
    public bool StoppedForUpgrade { get; init; }

    /// <summary>The instance the live cluster runs; null when no cluster is live.</summary>
    public InstanceRef? CurrentInstance { get; init; }

    public InstanceRef? LatestInstance { get; init; }

    /// <summary>The operator has not reconciled the latest instance's generation yet.</summary>
    public bool LatestIsPending { get; init; }

    /// <summary>The operator's <c>status.error</c>, already free of secrets.</summary>
    public string? Error { get; init; }

    /// <summary>
    /// The error the operator keeps reporting, counted over its retries; kept while FKO clears it between them, so it
    /// names what blocks a pending upgrade even when <see cref="Error"/> is momentarily empty.
    /// </summary>
    public ErrorEpisode? ErrorEpisode { get; init; }

    public string? FlinkVersion { get; init; }

    public string? UpgradeMode { get; init; }

    public int InstanceCount { get; init; }

    public DateTimeOffset? LastChangeAt { get; init; }

    /// <summary>The latest instance while the operator has not reconciled it (DESIGN 3.2 rule 5).</summary>
    public InstanceRef? PendingInstance => LatestIsPending ? LatestInstance : null;
}
