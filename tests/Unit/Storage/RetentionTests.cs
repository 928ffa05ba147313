using Cmf.Core.Configuration;
using Cmf.Core.Storage;

namespace Cmf.UnitTests.Storage;

public abstract class RetentionTests(StoreProviderKind engine) : StoreTestBase(engine)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Db.ReopenWithAsync(new StoreOptions { MaxEventsPerApplication = 5 });
    }

    [Fact]
    public async Task Events_beyond_the_limit_are_trimmed_oldest_first()
    {
        var app = new TrackedApplication();
        await Db.CommitAsync(app.NewInstance(), app.RecordEvents(3));

        await Db.CommitAsync(app.RecordEvents(3));

        var events = await Db.Queries.ListEventsAsync(app.Key, 0, 50, None);
        Assert.Equal(5, events?.TotalCount);
        Assert.Equal(
            ["Lifecycle message 3", "Lifecycle message 2", "Lifecycle message 1", "Lifecycle message 3", "Lifecycle message 2"],
            events!.Items.Select(e => e.Message));
    }

    [Fact]
    public async Task Trimming_one_application_leaves_the_events_of_others()
    {
        var busy = new TrackedApplication(name: "busy");
        var quiet = new TrackedApplication(name: "quiet");
        await Db.CommitAsync(quiet.NewInstance(), quiet.RecordEvents(2));

        await Db.CommitAsync(busy.NewInstance(), busy.RecordEvents(20));

        Assert.Equal(3, (await Db.Queries.ListEventsAsync(quiet.Key, 0, 50, None))?.TotalCount);
    }

    [Fact]
    public async Task A_pruned_instance_leaves_with_its_spec_and_its_clusters()
    {
        var app = new TrackedApplication();
        await Db.CommitAsync(app.NewInstance(), app.StartCluster(), app.NewInstance(), app.EndCluster(), app.StartCluster());
        var first = app.Instance(1).Uid;

        var result = await Db.CommitAsync(app.Prune(first));

        var state = await Db.Store.LoadStateAsync(app.Key, None);
        Assert.Equal([first], result.PrunedInstanceUids);
        Assert.Equal([2], state!.Instances.Select(i => i.Sequence));
        Assert.Equal([app.Instance(2).Uid], state.Clusters.Select(c => c.OwnerInstanceUid));
        Assert.Null(await Db.Queries.GetInstanceAsync(app.Key, first, None));
        Assert.Equal(1, await CountSpecsAsync());
    }

    [Fact]
    public async Task Pruning_lowers_the_instance_count_of_the_application()
    {
        var app = new TrackedApplication();
        await Db.CommitAsync(app.NewInstance(), app.NewInstance(), app.NewInstance());

        await Db.CommitAsync(app.PruneOldestBeyond(1));

        var summary = (await Db.Queries.GetApplicationAsync(app.Key, None))!.Summary;
        Assert.Equal(1, summary.InstanceCount);
        Assert.Equal(3, summary.LatestInstance?.Sequence);
    }

    [Fact]
    public async Task The_latest_instance_is_never_pruned_even_when_asked()
    {
        var app = new TrackedApplication();
        await Db.CommitAsync(app.NewInstance(), app.NewInstance());

        var result = await Db.CommitAsync(app.AskToPruneWithoutRemoving(app.Latest.Uid));

        Assert.Empty(result.PrunedInstanceUids);
        Assert.NotNull(await Db.Queries.GetInstanceAsync(app.Key, app.Latest.Uid, None));
        Assert.Equal(2, (await Db.Queries.GetApplicationAsync(app.Key, None))!.Summary.InstanceCount);
    }

    [Fact]
    public async Task The_current_deployed_instance_is_never_pruned_even_when_asked()
    {
        var app = new TrackedApplication();
        await Db.CommitAsync(app.NewInstance(), app.StartCluster(), app.NewInstance());
        var current = app.Instance(1).Uid;

        var result = await Db.CommitAsync(app.AskToPruneWithoutRemoving(current));

        Assert.Empty(result.PrunedInstanceUids);
        Assert.NotNull(await Db.Queries.GetInstanceAsync(app.Key, current, None));
        Assert.Equal(current, (await Db.Queries.GetApplicationAsync(app.Key, None))!.Summary.CurrentInstance?.Uid);
    }

    [Fact]
    public async Task The_latest_instance_is_never_pruned_even_when_the_state_dropped_it()
    {
        var app = new TrackedApplication();
        await Db.CommitAsync(app.NewInstance(), app.NewInstance());
        var latest = app.Latest.Uid;
        var faulty = app.Prune(latest);

        var result = await Db.CommitAsync(faulty with { State = faulty.State with { Instances = faulty.Previous.Instances } });

        Assert.Empty(result.PrunedInstanceUids);
        Assert.IsType<Core.Storage.Views.InstanceLookup.Found>(await Db.Queries.FindInstanceAsync(latest, None));
    }

    private async Task<int> CountSpecsAsync()
    {
        await using var context = Db.Provider.CreateContext();
        return context.InstanceSpecs.Count();
    }
}

public sealed class RetentionTestsOnSqlite() : RetentionTests(StoreProviderKind.Sqlite);

public sealed class RetentionTestsOnPostgreSql() : RetentionTests(StoreProviderKind.PostgreSql);
