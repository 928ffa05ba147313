using Cmf.Core.Storage.Views;

namespace Cmf.Dashboard.Model;

/// <summary>
/// The one place where the store's read records (<see cref="Cmf.Core.Storage.Views"/>) become the view models the
/// controls take, and the list's filter the store's query. Applications, instances and clusters need none: the controls
/// take the store's own records.
/// </summary>
public static class ViewModelMapping
{
    /// <summary>The defaults are stored with secrets as fingerprint tokens; the card shows them masked.</summary>
    public static EnvironmentView ToView(this EnvironmentSummary environment) =>
        new(environment.Name, environment.Namespace, environment.ApplicationCount, SpecText.MaskedYaml(environment.DefaultsJson));

    /// <summary>The store's query for one page of the list; the UI counts pages from 1, the store from 0.</summary>
    public static ApplicationListQuery ToQuery(this ApplicationListFilter filter, int pageSize) => new()
    {
        Environment = filter.Environment,
        JobStates = filter.JobStates,
        Text = filter.Search,
        Sort = filter.Sort,
        Descending = filter.Descending,
        Page = filter.Page - 1,
        PageSize = pageSize,
    };
}
