namespace Cmf.Core.Tracking;

/// <summary>
/// An instance's outcome as <see cref="InstanceOutcomeRules"/> decides it, with what its wording names besides the
/// instance itself: the other instance (handed over to, rolled back to, reverted to, superseded by), the rollback's
/// cluster and the time. Stored on the instance's row, so a list of changes tells each outcome without the history.
/// </summary>
public sealed record InstanceOutcomeFacts(InstanceOutcomeKind Kind)
{
    /// <summary>The other instance the outcome names; null when it names none.</summary>
    public string? InstanceUid { get; init; }

    /// <summary>That instance's number; null when it is no longer retained (the wording then shows its short UID).</summary>
    public int? InstanceSequence { get; init; }

    /// <summary>The cluster of a rollback.</summary>
    public string? ClusterUid { get; init; }

    /// <summary>When the cluster was handed over in place, or when the rollback's cluster started.</summary>
    public DateTimeOffset? At { get; init; }
}
