using Cmf.Core.Storage.Entities;
using Cmf.Core.Storage.Views;

namespace Cmf.Core.Storage.Reading;

/// <summary>
/// The application list's sort orders. Each matches an index of the Applications table exactly
/// (the row id breaks ties) so that a page is read in index order without sorting.
/// </summary>
internal static class ApplicationListOrdering
{
    /// <param name="nullsHigh">
    /// The engine sorts NULL above every value (PostgreSQL): order by "has a value" first so that, as in SQLite, an
    /// application without a job state or change time comes first ascending and last descending.
    /// </param>
    public static IQueryable<StoredApplication> Apply(IQueryable<StoredApplication> query, ApplicationSort sort, bool descending, bool nullsHigh) =>
        (sort, descending, nullsHigh) switch
        {
            (ApplicationSort.JobState, false, true) => query.OrderBy(a => a.JobState != null).ThenBy(a => a.JobState).ThenBy(a => a.Id),
            (ApplicationSort.JobState, true, true) => query.OrderByDescending(a => a.JobState != null).ThenByDescending(a => a.JobState).ThenByDescending(a => a.Id),
            (ApplicationSort.LastChange, false, true) => query.OrderBy(a => a.LastChangeAt != null).ThenBy(a => a.LastChangeAt).ThenBy(a => a.Id),
            (ApplicationSort.LastChange, true, true) => query.OrderByDescending(a => a.LastChangeAt != null).ThenByDescending(a => a.LastChangeAt).ThenByDescending(a => a.Id),
            _ => Apply(query, sort, descending),
        };

    private static IQueryable<StoredApplication> Apply(IQueryable<StoredApplication> query, ApplicationSort sort, bool descending) =>
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
