using Cmf.Core.Tracking;
using Views = Cmf.Core.Storage.Views;

namespace Cmf.Dashboard.Model;

/// <summary>
/// The one place where the store's read records (<see cref="Cmf.Core.Storage.Views"/>) become the view models the
/// controls take. The two sides share some names (InstanceSummary, ClusterSummary): the store's are named through the
/// <c>Views</c> alias here and nowhere else needs both. Applications are shown from the store's own
/// <see cref="Views.ApplicationSummary"/>.
/// </summary>
public static class ViewModelMapping
{
    public static InstanceSummary ToView(this Views.InstanceSummary instance) => new()
    {
        Uid = instance.Uid,
        Sequence = instance.Sequence,
        SpecHash = instance.SpecHash,
        CreatedAt = instance.CreatedAt,
        SupersededAt = instance.SupersededAt,
        EndedAt = instance.EndedAt,
        ReconciledAt = instance.ReconciledAt,
        JobState = instance.JobState,
        LifecycleState = instance.LifecycleState,
        Stop = instance.Stop,
        StopSavepointPath = instance.StopSavepointPath,
        ChangedBy = instance.ChangedBy,
        ChangedAt = instance.ChangedAt,
        ChangeOrigin = instance.ChangeOrigin,
    };

    public static InstanceSummary ToView(this Views.TimelineInstance instance) => new()
    {
        Uid = instance.Uid,
        Sequence = instance.Sequence,
        SpecHash = instance.SpecHash,
        CreatedAt = instance.CreatedAt,
        SupersededAt = instance.SupersededAt,
        EndedAt = instance.EndedAt,
        ReconciledAt = instance.ReconciledAt,
        JobState = instance.JobState,
        LifecycleState = instance.LifecycleState,
        Stop = instance.Stop,
        StopSavepointPath = instance.StopSavepointPath,
    };

    public static ClusterSummary ToView(this Views.ClusterSummary cluster) => new()
    {
        Uid = cluster.Uid,
        Name = cluster.Name,
        OwnerInstanceUid = cluster.OwnerInstanceUid,
        Segments = cluster.Segments,
        StartedAt = cluster.StartedAt,
        EndedAt = cluster.EndedAt,
        EndIsApproximate = cluster.EndIsApproximate,
        Generation = cluster.Generation,
        DeploymentType = cluster.DeploymentType,
        OwnerSource = cluster.OwnerSource,
        OwnerReason = OwnerReason(cluster.OwnerSource),
    };

    /// <summary>The defaults are stored with secrets as fingerprint tokens; the card shows them masked.</summary>
    public static EnvironmentView ToView(this Views.EnvironmentSummary environment) =>
        new(environment.Name, environment.Namespace, environment.ApplicationCount, SpecText.MaskedYaml(environment.DefaultsJson));

    /// <summary>The store's query for one page of the list; the UI counts pages from 1, the store from 0.</summary>
    public static Views.ApplicationListQuery ToQuery(this ApplicationListFilter filter, int pageSize) => new()
    {
        Environment = filter.Environment,
        JobStates = filter.JobStates,
        Text = filter.Search,
        Sort = filter.Sort switch
        {
            ApplicationSort.Environment => Views.ApplicationSort.Environment,
            ApplicationSort.JobState => Views.ApplicationSort.JobState,
            ApplicationSort.LastChange => Views.ApplicationSort.LastChange,
            ApplicationSort.InstanceCount => Views.ApplicationSort.InstanceCount,
            _ => Views.ApplicationSort.Name,
        },
        Descending = filter.Descending,
        Page = filter.Page - 1,
        PageSize = pageSize,
    };

    private static string OwnerReason(ClusterOwnerSource source) => source switch
    {
        ClusterOwnerSource.InstanceAnnotation => "named by the pods' instance annotation",
        ClusterOwnerSource.Rollback => "runs lastStableSpec during a rollback",
        ClusterOwnerSource.GenerationAnnotation => "by the Deployment's generation annotation",
        ClusterOwnerSource.ObservedGeneration => "redeployed by the operator for the generation it had reconciled",
        _ => "the latest instance when the cluster appeared",
    };
}
