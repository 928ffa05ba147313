namespace Cmf.Core.Storage.Views;

/// <summary>One FlinkStateSnapshot of an application's job, filed under the instance whose job it snapshots.</summary>
public sealed record SnapshotView
{
    public required string Name { get; init; }

    public string? InstanceUid { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>SAVEPOINT or CHECKPOINT.</summary>
    public required string SnapshotType { get; init; }

    /// <summary>MANUAL, PERIODIC or UPGRADE; null when the operator did not label it.</summary>
    public string? TriggerType { get; init; }

    /// <summary>TRIGGER_PENDING, IN_PROGRESS, COMPLETED, FAILED or ABANDONED; null before the operator saw it.</summary>
    public string? State { get; init; }

    public string? Path { get; init; }

    public string? Error { get; init; }

    public int Failures { get; init; }

    public DateTimeOffset? TriggeredAt { get; init; }

    public DateTimeOffset? ResultAt { get; init; }

    public bool Completed => State == "COMPLETED";

    public bool Failed => State is "FAILED" or "ABANDONED";
}
