using Cmf.Core.Model;

namespace Cmf.Core.Storage.Views;

/// <summary>One row of the application list.</summary>
public sealed record ApplicationSummary
{
    public required ApplicationKey Key { get; init; }

    public required string Namespace { get; init; }

    public JobState? JobState { get; init; }

    public LifecycleState? LifecycleState { get; init; }

    /// <summary>FINISHED while the operator reconciles an upgrade: the job was stopped with a savepoint for it.</summary>
    public bool StoppedForUpgrade { get; init; }

    /// <summary>The owner of the live cluster; null when no cluster is live.</summary>
    public InstanceReference? CurrentInstance { get; init; }

    public InstanceReference? LatestInstance { get; init; }

    /// <summary>A live cluster runs an instance older than the latest one.</summary>
    public bool PendingUpgrade { get; init; }

    public int InstanceCount { get; init; }

    public DateTimeOffset? LastChangeAt { get; init; }

    public string? FlinkVersion { get; init; }

    public string? UpgradeMode { get; init; }

    public bool ObjectDeleted { get; init; }

    public string? Error { get; init; }

    /// <summary>The commit that last changed the application (compare with <see cref="CommitResult.Sequence"/>).</summary>
    public long LastCommit { get; init; }
}
