namespace Cmf.Core.Tracking;

/// <summary>A FlinkStateSnapshot of an application's job, as the tracker keeps it: the resource and the instance it belongs to.</summary>
public sealed record SnapshotState
{
    public required FlinkStateSnapshotResource Resource { get; init; }

    /// <summary>The instance whose job it snapshots: the one current (deployed) when the snapshot was created.</summary>
    public string? InstanceUid { get; init; }

    /// <summary>When the dashboard first saw it.</summary>
    public required DateTimeOffset SeenAt { get; init; }

    public string Uid => Resource.Uid;

    public string Name => Resource.Name;
}
