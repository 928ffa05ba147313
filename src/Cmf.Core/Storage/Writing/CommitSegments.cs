using Cmf.Core.Model;
using Cmf.Core.Tracking;

namespace Cmf.Core.Storage.Writing;

/// <summary>
/// Cuts a batch of tracker results into consecutive runs that touch each application and each instance, cluster and
/// snapshot UID at most once. A run is written table by table in multi-row statements: within it no two results
/// touch the same row, so that order gives the store the row-by-row order gives (rows, ids and upsert guards alike),
/// and no statement carries one key twice, which PostgreSQL's upsert refuses. A result that touches a key the run
/// already holds starts the next run, so the last write of a key still wins.
/// </summary>
internal static class CommitSegments
{
    public static IEnumerable<List<ResultRows>> Of(IReadOnlyList<ResultRows> changes, int maxResultsPerSegment)
    {
        var segment = new List<ResultRows>();
        var applications = new HashSet<ApplicationKey>();
        var rows = new HashSet<(char Table, string Uid)>();
        foreach (var change in changes)
        {
            var touched = Touched(change);
            if (segment.Count >= maxResultsPerSegment || applications.Contains(change.State.Key) || touched.Exists(rows.Contains))
            {
                yield return segment;
                segment = [];
                applications.Clear();
                rows.Clear();
            }
            segment.Add(change);
            applications.Add(change.State.Key);
            rows.UnionWith(touched);
        }
        if (segment.Count > 0)
        {
            yield return segment;
        }
    }

    private static List<(char Table, string Uid)> Touched(ResultRows change)
    {
        var result = change.Result;
        var touched = new List<(char Table, string Uid)>();
        touched.AddRange(change.ChangedInstances.Select(i => ('i', i.Uid)));
        touched.AddRange(result.NewInstanceSpecs.Select(s => ('i', s.InstanceUid)));
        touched.AddRange(result.PrunedInstanceUids.Select(uid => ('i', uid)));
        touched.AddRange(change.ChangedClusters.Select(c => ('c', c.Uid)));
        touched.AddRange(change.RemovedClusters.Select(c => ('c', c.Uid)));
        touched.AddRange(change.ChangedSnapshots.Select(s => ('s', s.Uid)));
        touched.AddRange(change.RemovedSnapshots.Select(s => ('s', s.Uid)));
        return touched;
    }
}
