using System.Data.Common;
using Cmf.Core.Configuration;
using Cmf.Core.Model;
using Cmf.Core.Tracking;

namespace Cmf.UnitTests.Storage;

public abstract class CommitTests(StoreProviderKind engine) : StoreTestBase(engine)
{
    [Fact]
    public async Task A_new_instance_is_stored_with_its_effective_spec()
    {
        var app = new TrackedApplication();
        await Db.CommitAsync(app.NewInstance());

        var instance = await Db.Queries.GetInstanceAsync(app.Key, app.Latest.Uid, None);

        Assert.NotNull(instance);
        Assert.Equal(1, instance.Instance.Sequence);
        Assert.Equal(TrackedApplication.EffectiveSpec(app.Latest.Uid), instance.EffectiveSpecJson);
    }

    [Fact]
    public async Task Replaying_a_result_stores_no_second_instance_cluster_or_spec()
    {
        var app = new TrackedApplication();
        var created = app.NewInstance();
        var started = app.StartCluster();
        await Db.CommitAsync(created, started);

        await Db.CommitAsync(created, started);

        var state = await Db.Store.LoadStateAsync(app.Key, None);
        Assert.Single(state!.Instances);
        Assert.Single(state.Clusters);
        Assert.NotNull((await Db.Queries.GetInstanceAsync(app.Key, app.Latest.Uid, None))?.EffectiveSpecJson);
    }

    [Fact]
    public async Task A_batch_that_fails_leaves_nothing_of_it_behind()
    {
        var healthy = new TrackedApplication(name: "healthy");
        var broken = new TrackedApplication(name: "broken");
        var first = broken.NewInstance();
        var duplicateSequence = first with
        {
            State = first.State with { Instances = [first.State.Instances[0] with { Uid = "another-uid" }] },
        };

        await Assert.ThrowsAnyAsync<DbException>(() => Db.CommitAsync(healthy.NewInstance(), first, duplicateSequence));

        Assert.Empty(await Db.Store.ListApplicationKeysAsync(None));
        Assert.Equal(0, Db.Store.LastCommitSequence);
    }

    [Fact]
    public async Task Commit_result_names_the_applications_and_the_new_and_changed_instances()
    {
        var orders = new TrackedApplication(name: "orders");
        var payments = new TrackedApplication(name: "payments");
        await Db.CommitAsync(orders.NewInstance());

        var result = await Db.CommitAsync(orders.NewInstance(), payments.NewInstance());

        Assert.Equal([orders.Key, payments.Key], result.Applications);
        Assert.Equal([orders.Instance(2).Uid, payments.Instance(1).Uid], result.NewInstanceUids);
        Assert.Equal([orders.Instance(1).Uid], result.ChangedInstanceUids);
        Assert.Equal(2, result.EventCount);
    }

    [Fact]
    public async Task Commit_sequence_advances_only_for_batches_that_change_something()
    {
        var app = new TrackedApplication();
        var first = await Db.CommitAsync(app.NewInstance());

        var unchanged = await Db.CommitAsync(TrackerResult.Unchanged(app.State));
        var second = await Db.CommitAsync(app.NewInstance());

        Assert.Equal(1, first.Sequence);
        Assert.True(unchanged.IsEmpty);
        Assert.Equal(1, unchanged.Sequence);
        Assert.Equal(2, second.Sequence);
    }

    [Fact]
    public async Task Concurrent_commits_are_serialised_into_consecutive_sequences()
    {
        var apps = Enumerable.Range(1, 8).Select(n => new TrackedApplication(name: $"app-{n}")).ToList();

        var results = await Task.WhenAll(apps.Select(app => Task.Run(() => Db.CommitAsync(app.NewInstance(), app.StartCluster()))));

        Assert.Equal(Enumerable.Range(1, 8).Select(n => (long)n), results.Select(r => r.Sequence).Order());
        Assert.Equal(8, (await Db.Store.ListApplicationKeysAsync(None)).Count);
    }

    [Fact]
    public async Task While_the_old_cluster_runs_the_new_instance_is_a_pending_upgrade()
    {
        var app = new TrackedApplication();
        await Db.CommitAsync(app.NewInstance(), app.StartCluster());

        await Db.CommitAsync(app.NewInstance());

        var summary = (await Db.Queries.GetApplicationAsync(app.Key, None))!.Summary;
        Assert.Equal(1, summary.CurrentInstance?.Sequence);
        Assert.Equal(2, summary.LatestInstance?.Sequence);
        Assert.True(summary.PendingUpgrade);
    }

    [Fact]
    public async Task A_cluster_of_the_new_instance_completes_the_upgrade()
    {
        var app = new TrackedApplication();
        await Db.CommitAsync(app.NewInstance(), app.StartCluster(), app.NewInstance());

        await Db.CommitAsync(app.EndCluster(), app.StartCluster());

        var summary = (await Db.Queries.GetApplicationAsync(app.Key, None))!.Summary;
        Assert.Equal(2, summary.CurrentInstance?.Sequence);
        Assert.Equal(2, summary.LatestInstance?.Sequence);
        Assert.False(summary.PendingUpgrade);
    }

    [Fact]
    public async Task Status_only_commits_leave_the_list_columns_as_the_instances_say()
    {
        var app = new TrackedApplication();
        await Db.CommitAsync(app.NewInstance(), app.StartCluster(), app.NewInstance());

        await Db.CommitAsync(app.ReportJobState(JobState.Restarting));
        await Db.CommitAsync(app.ReportJobState(JobState.Running), app.RecordEvents(2));

        var summary = (await Db.Queries.GetApplicationAsync(app.Key, None))!.Summary;
        Assert.Equal((2, 1, 2, true), (summary.InstanceCount, summary.CurrentInstance?.Sequence, summary.LatestInstance?.Sequence, summary.PendingUpgrade));
    }

    [Fact]
    public async Task A_superseded_instance_keeps_its_last_job_state()
    {
        var app = new TrackedApplication();
        await Db.CommitAsync(app.NewInstance(), app.StartCluster(), app.ReportJobState(JobState.Finished));

        await Db.CommitAsync(app.EndCluster(), app.NewInstance(), app.StartCluster(), app.ReportJobState(JobState.Running));

        var first = await Db.Queries.GetInstanceAsync(app.Key, app.Instance(1).Uid, None);
        Assert.Equal(JobState.Finished, first?.Instance.JobState);
        Assert.NotNull(first?.Instance.EndedAt);
    }
}

public sealed class CommitTestsOnSqlite() : CommitTests(StoreProviderKind.Sqlite);

public sealed class CommitTestsOnPostgreSql() : CommitTests(StoreProviderKind.PostgreSql);
