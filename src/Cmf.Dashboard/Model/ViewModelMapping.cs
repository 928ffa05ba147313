using Views = Cmf.Core.Storage.Views;

namespace Cmf.Dashboard.Model;

/// <summary>
/// The one place where the store's read records (<see cref="Cmf.Core.Storage.Views"/>) become the view models the
/// controls take; instances and clusters need none (the controls take the store's records). The two sides share the
/// name ApplicationSummary: the store's is named through the <c>Views</c> alias here and nowhere else needs both.
/// </summary>
public static class ViewModelMapping
{
    public static ApplicationSummary ToView(this Views.ApplicationSummary row) => new()
    {
        Environment = row.Key.Environment,
        Name = row.Key.Name,
        Namespace = row.Namespace,
        JobState = row.JobState,
        LifecycleState = row.LifecycleState,
        StoppedForUpgrade = row.StoppedForUpgrade,
        CurrentInstance = row.CurrentInstance?.ToView(),
        LatestInstance = row.LatestInstance?.ToView(),
        LatestIsPending = row.PendingUpgrade,
        Error = row.Error,
        ErrorEpisode = row.ErrorEpisode,
        FlinkVersion = row.FlinkVersion,
        UpgradeMode = row.UpgradeMode,
        InstanceCount = row.InstanceCount,
        LastChangeAt = row.LastChangeAt,
    };

    public static InstanceRef ToView(this Views.InstanceReference reference) => new(reference.Uid, reference.Sequence);

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
}
