using Cmf.Core.Storage.Views;
using Cmf.Dashboard.Api;

namespace Cmf.Dashboard.Hubs;

/// <summary>What the status hub pushes about an application: its operator status and its current and latest instance.</summary>
public sealed record ApplicationStatusMessage
{
    public required string Environment { get; init; }

    public required string Application { get; init; }

    public string? JobState { get; init; }

    public string? LifecycleState { get; init; }

    public InstanceReferenceResource? CurrentInstance { get; init; }

    public InstanceReferenceResource? LatestInstance { get; init; }

    /// <summary>A live cluster runs an instance older than the latest one.</summary>
    public bool PendingUpgrade { get; init; }

    public int InstanceCount { get; init; }

    public DateTimeOffset? LastChangeAt { get; init; }

    public string? Error { get; init; }

    public bool ObjectDeleted { get; init; }

    public static ApplicationStatusMessage From(ApplicationSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new ApplicationStatusMessage
        {
            Environment = summary.Key.Environment,
            Application = summary.Key.Name,
            JobState = WireNames.Of(summary.JobState),
            LifecycleState = WireNames.Of(summary.LifecycleState),
            CurrentInstance = summary.CurrentInstance is { } current ? new InstanceReferenceResource(current.Uid, current.Sequence) : null,
            LatestInstance = summary.LatestInstance is { } latest ? new InstanceReferenceResource(latest.Uid, latest.Sequence) : null,
            PendingUpgrade = summary.PendingUpgrade,
            InstanceCount = summary.InstanceCount,
            LastChangeAt = summary.LastChangeAt,
            Error = summary.Error is { } error ? Core.Specs.SecretMasker.Display(error) : null,
            ObjectDeleted = summary.ObjectDeleted,
        };
    }
}
