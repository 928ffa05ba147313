using Cmf.Core.Tracking;
using Cmf.Core.Storage.Views;

namespace Cmf.Dashboard.Model;

/// <summary>
/// What the outcome of an application's instances is read from: its retained instances and clusters, which instance
/// runs now, which one the operator has not reconciled yet, and the error it keeps reporting.
/// </summary>
public sealed record ApplicationHistory(
    IReadOnlyList<InstanceSummary> Instances,
    IReadOnlyList<ClusterSummary> Clusters,
    string? CurrentInstanceUid,
    string? PendingInstanceUid,
    ErrorEpisode? ErrorEpisode)
{
    public static ApplicationHistory Of(ApplicationSummary application, IReadOnlyList<InstanceSummary> instances, IReadOnlyList<ClusterSummary> clusters)
    {
        ArgumentNullException.ThrowIfNull(application);
        return new(instances, clusters, application.CurrentInstance?.Uid, application.PendingInstance?.Uid, application.ErrorEpisode);
    }

    public InstanceSummary? Find(string uid) => Instances.FirstOrDefault(i => i.Uid == uid);

    /// <summary>The history as <see cref="InstanceOutcomeRules"/> read it.</summary>
    public OutcomeHistory OutcomeInputs() => new(
        [.. Instances.Select(OutcomeInputOf)],
        [.. Clusters.Select(c => new OutcomeCluster
        {
            Uid = c.Uid,
            OwnerInstanceUid = c.OwnerInstanceUid,
            Segments = c.Segments,
            OwnerSource = c.OwnerSource,
            StartedAt = c.StartedAt,
            EndedAt = c.EndedAt,
        })],
        CurrentInstanceUid,
        PendingInstanceUid,
        ErrorEpisode?.PendingInstanceUid);

    public OutcomeInstance OutcomeInputOf(InstanceSummary instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return new()
        {
            Uid = instance.Uid,
            Sequence = instance.Sequence,
            SpecHash = instance.SpecHash,
            CreatedAt = instance.CreatedAt,
            SupersededAt = instance.SupersededAt,
            ReconciledAt = instance.ReconciledAt,
            JobState = instance.JobState,
            LifecycleState = instance.LifecycleState,
            Stop = instance.Stop,
        };
    }

    /// <summary>"#3", or the short UID of an instance no longer retained.</summary>
    public string Label(string uid) => Find(uid)?.Label ?? (uid.Length <= 8 ? uid : uid[..8]);
}
