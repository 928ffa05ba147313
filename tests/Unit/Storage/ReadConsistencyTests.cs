using Cmf.Core.Configuration;
using Cmf.Core.Storage;
using Cmf.Core.Storage.Views;
using Cmf.Core.Tracking;

namespace Cmf.UnitTests.Storage;

public abstract class ReadConsistencyTests(StoreProviderKind engine) : StoreTestBase(engine)
{
    private const int Applications = 10;
    private const int Batches = 150;
    private const int MaxReads = 50_000;

    [Fact]
    public async Task A_reader_sees_instance_counts_that_match_the_instance_rows_while_the_writer_commits()
    {
        var apps = Enumerable.Range(1, Applications).Select(n => new TrackedApplication(name: $"app-{n}")).ToList();
        await Db.Store.CommitAsync([.. apps.Select(a => a.NewInstance())], None);
        var query = new InstanceListQuery { PageSize = StoreQueries.MaxPageSize };
        await Db.Queries.ListInstancesAsync(apps[0].Key, query, None); // compile the queries before the race starts
        using var writerDone = new CancellationTokenSource();

        var writer = Task.Run(async () =>
        {
            try
            {
                for (var batch = 0; batch < Batches; batch++)
                {
                    var results = new List<TrackerResult>();
                    foreach (var app in apps)
                    {
                        results.Add(app.NewInstance());
                        results.Add(app.PruneOldestBeyond(1 + (batch % 7)));
                    }
                    await Db.Store.CommitAsync(results, None);
                    await Task.Yield(); // let the reader in between commits
                }
            }
            finally
            {
                await writerDone.CancelAsync();
            }
        });
        var mismatches = new List<string>();
        var commitsSeen = new HashSet<long>();
        for (var reads = 0; reads < MaxReads && !writerDone.IsCancellationRequested; reads++)
        {
            var app = apps[reads % apps.Count];
            var page = await Db.Queries.ListInstancesAsync(app.Key, query, None);
            var counted = page!.Application;
            commitsSeen.Add(counted.LastCommit);
            if (counted.InstanceCount != page.Items.Count || counted.InstanceCount != page.TotalCount
                || counted.LatestInstance?.Sequence != page.Items.Max(i => i.Sequence))
            {
                mismatches.Add($"{app.Key} at commit {counted.LastCommit}: {counted.InstanceCount} counted, {page.Items.Count} rows");
            }
        }
        await writer;

        Assert.True(commitsSeen.Count > 1, "the reader never ran while the writer committed");
        Assert.Empty(mismatches);
    }
}

public sealed class ReadConsistencyTestsOnSqlite() : ReadConsistencyTests(StoreProviderKind.Sqlite);

public sealed class ReadConsistencyTestsOnPostgreSql() : ReadConsistencyTests(StoreProviderKind.PostgreSql);
