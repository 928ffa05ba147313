using Cmf.Core.Model;
using Cmf.Core.Storage.Writing;
using Cmf.Core.Tracking;

namespace Cmf.UnitTests.Storage;

/// <summary>The rows the writer finds once per result are the ones the tracker result names, list by list.</summary>
public sealed class ResultRowsTests
{
    [Fact]
    public void Each_list_is_what_the_result_itself_gives()
    {
        var app = new TrackedApplication();
        List<TrackerResult> results =
        [
            app.NewInstance(), app.StartCluster(), app.ReportJobState(JobState.Running), app.RecordEvents(2),
            app.NewInstance(), app.EndCluster(), app.StartCluster(), app.NewInstance(), app.Prune(app.Instance(1).Uid),
        ];

        var rows = ResultRows.Of(results);

        Assert.Equal(results.Count, rows.Count);
        for (var i = 0; i < results.Count; i++)
        {
            var (result, found) = (results[i], rows[i]);
            Assert.Same(result, found.Result);
            Assert.Equal(result.ChangedInstances(), found.ChangedInstances);
            Assert.Equal(result.ChangedClusters(), found.ChangedClusters);
            Assert.Equal(result.RemovedClusters(), found.RemovedClusters);
            Assert.Equal(result.ChangedSnapshots(), found.ChangedSnapshots);
            Assert.Equal(result.RemovedSnapshots(), found.RemovedSnapshots);
        }
        // The batch does change, end and remove rows, so the comparison above is not of empty lists only.
        Assert.Contains(rows, r => r.RemovedClusters.Count > 0);
        Assert.Contains(rows, r => r.ChangedClusters.Count > 0 && r.ChangedInstances.Count > 0);
        Assert.Contains(rows, r => r.ChangedInstances.Count == 0 && r.ChangedClusters.Count == 0);
    }
}
