using Cmf.Core.Model;
using Cmf.Core.Tracking;

namespace Cmf.Core.Storage.Views;

/// <summary>One row of the application list.</summary>
public sealed record ApplicationSummary
{
    public required ApplicationKey Key { get; init; }

    public required string Namespace { get; init; }

    public JobState? JobState { get; init; }

    public LifecycleState? LifecycleState { get; init; }

    /// <summary>FINISHED or CANCELED while the operator upgrades or rolls back: the job was stopped for it.</summary>
    public bool StoppedForUpgrade { get; init; }

    /// <summary>The instance the live cluster runs; null when no cluster is live.</summary>
    public InstanceReference? CurrentInstance { get; init; }

    public InstanceReference? LatestInstance { get; init; }

    /// <summary>The operator has not reconciled the latest instance's generation yet (DESIGN 3.2 rule 5).</summary>
    public bool PendingUpgrade { get; init; }

    public int InstanceCount { get; init; }

    public DateTimeOffset? LastChangeAt { get; init; }

    public string? FlinkVersion { get; init; }

    public string? UpgradeMode { get; init; }

    public bool ObjectDeleted { get; init; }

    public string? Error { get; init; }

    /// <summary>
    /// The error the operator keeps reporting, with how often and since when; kept while FKO clears it between the
    /// retries of a blocked upgrade (DESIGN 3.2 rule 6), so the list can name what blocks a pending instance. Null when none.
    /// </summary>
    public ErrorEpisode? ErrorEpisode { get; init; }

    /// <summary>The commit that last changed the application (compare with <see cref="CommitResult.Sequence"/>).</summary>
    public long LastCommit { get; init; }
}
