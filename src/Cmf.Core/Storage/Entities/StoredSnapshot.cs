namespace Cmf.Core.Storage.Entities;

/// <summary>One FlinkStateSnapshot of an application's job; <see cref="Uid"/> is its metadata.uid.</summary>
internal sealed class StoredSnapshot
{
    public long Id { get; set; }

    public long ApplicationId { get; set; }

    public required string Uid { get; set; }

    public required string Name { get; set; }

    public string? ResourceVersion { get; set; }

    /// <summary>The instance whose job it snapshots (current when the snapshot was created).</summary>
    public string? InstanceUid { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset SeenAt { get; set; }

    /// <summary>SAVEPOINT or CHECKPOINT.</summary>
    public required string SnapshotType { get; set; }

    /// <summary>MANUAL, PERIODIC or UPGRADE.</summary>
    public string? TriggerType { get; set; }

    /// <summary>TRIGGER_PENDING, IN_PROGRESS, COMPLETED, FAILED or ABANDONED.</summary>
    public string? State { get; set; }

    public string? Path { get; set; }

    public string? Error { get; set; }

    public int Failures { get; set; }

    public DateTimeOffset? TriggeredAt { get; set; }

    public DateTimeOffset? ResultAt { get; set; }
}
