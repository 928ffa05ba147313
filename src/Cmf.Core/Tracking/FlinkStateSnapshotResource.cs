namespace Cmf.Core.Tracking;

/// <summary>
/// One FlinkStateSnapshot (FKO 1.10+): a savepoint or checkpoint of the job <c>spec.jobReference</c> names, with the
/// state the operator's snapshot observer writes. Texts are scrubbed of secrets by the mapper.
/// </summary>
public sealed record FlinkStateSnapshotResource
{
    public const string Kind = "FlinkStateSnapshot";

    public required string Uid { get; init; }

    public required string Name { get; init; }

    public string? ResourceVersion { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>SAVEPOINT or CHECKPOINT: label <c>snapshot.type</c>, else whether the spec holds a savepoint or a checkpoint.</summary>
    public required string SnapshotType { get; init; }

    /// <summary>Label <c>snapshot.trigger-type</c>: MANUAL, PERIODIC or UPGRADE; null when absent.</summary>
    public string? TriggerType { get; init; }

    /// <summary>TRIGGER_PENDING, IN_PROGRESS, COMPLETED, FAILED or ABANDONED; null before the operator saw it.</summary>
    public string? State { get; init; }

    public string? Path { get; init; }

    public string? Error { get; init; }

    public int Failures { get; init; }

    public DateTimeOffset? TriggeredAt { get; init; }

    public DateTimeOffset? ResultAt { get; init; }
}
