using Cmf.Core.Tracking;
using Cmf.Core.Storage.Views;

namespace Cmf.Dashboard.Model;

/// <summary>
/// What the outcome of an application's instances is read from: its retained instances and clusters, which instance
/// runs now, which one the operator has not reconciled yet, and the error it keeps reporting.
/// </summary>
public sealed record ApplicationHistory(
    IReadOnlyList<InstanceState> Instances,
    IReadOnlyList<ClusterState> Clusters,
    string? CurrentInstanceUid,
    string? PendingInstanceUid,
    ErrorEpisode? ErrorEpisode)
{
    public static ApplicationHistory Of(ApplicationSummary application, IReadOnlyList<InstanceState> instances, IReadOnlyList<ClusterState> clusters)
    {
        ArgumentNullException.ThrowIfNull(application);
        return new(instances, clusters, application.CurrentInstance?.Uid, application.PendingInstance?.Uid, application.ErrorEpisode);
    }

    public InstanceState? Find(string uid) => Instances.FirstOrDefault(i => i.Uid == uid);

    /// <summary>The history as <see cref="InstanceOutcomeRules"/> read it: the same records the tracker decides from.</summary>
    public OutcomeHistory OutcomeInputs() => new(Instances, Clusters, CurrentInstanceUid, PendingInstanceUid, ErrorEpisode?.PendingInstanceUid);

    /// <summary>"#3", or the short UID of an instance no longer retained.</summary>
    public string Label(string uid) => Find(uid)?.Label ?? (uid.Length <= 8 ? uid : uid[..8]);
}
