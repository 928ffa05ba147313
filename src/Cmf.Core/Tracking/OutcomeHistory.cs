namespace Cmf.Core.Tracking;

/// <summary>
/// What an instance's outcome is decided from: the application's retained instances and clusters, the instance the
/// live cluster runs, the one the operator has not reconciled yet and the one its error episode holds back. The
/// tracker takes it from its state, the pages from the history they read (the same records), so both apply the same rules.
/// </summary>
public sealed record OutcomeHistory(
    IReadOnlyList<InstanceState> Instances,
    IReadOnlyList<ClusterState> Clusters,
    string? CurrentInstanceUid,
    string? PendingInstanceUid,
    string? BlockedInstanceUid)
{
    public static OutcomeHistory Of(ApplicationState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new(state.Instances, state.Clusters, state.CurrentInstanceUid, state.PendingInstance?.Uid, state.ErrorEpisode?.PendingInstanceUid);
    }
}
