using Cmf.Core.Model;

namespace Cmf.Dashboard.Model;

/// <summary>One application as the list and the detail header show it.</summary>
public sealed record ApplicationSummary
{
    public required string Environment { get; init; }

    public required string Name { get; init; }

    public string? Namespace { get; init; }

    public JobState? JobState { get; init; }

    public LifecycleState? LifecycleState { get; init; }

    /// <summary>FINISHED while the operator was UPGRADING: stopped with a savepoint for an upgrade.</summary>
    public bool StoppedForUpgrade { get; init; }

    /// <summary>The owner of the live cluster; null when no cluster is live.</summary>
    public InstanceRef? CurrentInstance { get; init; }

    public InstanceRef? LatestInstance { get; init; }

    /// <summary>The operator's <c>status.error</c>, already free of secrets.</summary>
    public string? Error { get; init; }

    public string? FlinkVersion { get; init; }

    public string? UpgradeMode { get; init; }

    public int InstanceCount { get; init; }

    public DateTimeOffset? LastChangeAt { get; init; }

    /// <summary>The latest instance when it is not the current deployed one: an upgrade still to happen.</summary>
    public InstanceRef? PendingInstance => LatestInstance?.Uid == CurrentInstance?.Uid ? null : LatestInstance;
}
