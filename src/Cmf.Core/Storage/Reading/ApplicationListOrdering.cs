using Cmf.Core.Storage.Entities;
using Cmf.Core.Storage.Views;

namespace Cmf.Core.Storage.Reading;

/// <summary>
/// The application list's sort orders. Each matches an index of the Applications table exactly
/// (the row id breaks ties) so that a page is read in index order without sorting.
/// </summary>
internal static class ApplicationListOrdering
{
    public static IQueryable<StoredApplication> Apply(IQueryable<StoredApplication> query, ApplicationSort sort, bool descending) =>
        (sort, descending) switch
        {
            (ApplicationSort.Environment, false) => query.OrderBy(a => a.Environment).ThenBy(a => a.Name),
            (ApplicationSort.Environment, true) => query.OrderByDescending(a => a.Environment).ThenByDescending(a => a.Name),
            (ApplicationSort.JobState, false) => query.OrderBy(a => a.JobState).ThenBy(a => a.Id),
            (ApplicationSort.JobState, true) => query.OrderByDescending(a => a.JobState).ThenByDescending(a => a.Id),
            (ApplicationSort.LastChange, false) => query.OrderBy(a => a.LastChangeAt).ThenBy(a => a.Id),
            (ApplicationSort.LastChange, true) => query.OrderByDescending(a => a.LastChangeAt).ThenByDescending(a => a.Id),
            (ApplicationSort.InstanceCount, false) => query.OrderBy(a => a.InstanceCount).ThenBy(a => a.Id),
            (ApplicationSort.InstanceCount, true) => query.OrderByDescending(a => a.InstanceCount).ThenByDescending(a => a.Id),
            (_, false) => query.OrderBy(a => a.Name).ThenBy(a => a.Environment),
            (_, true) => query.OrderByDescending(a => a.Name).ThenByDescending(a => a.Environment),
        };
}
