using Cmf.Core.Model;
using Cmf.Core.Storage.Views;
using Microsoft.EntityFrameworkCore;

namespace Cmf.UnitTests.Storage;

public sealed class StoreFileTests : StoreTestBase
{
    [Fact]
    public async Task Reopened_store_loads_the_same_application_state()
    {
        var app = new TrackedApplication();
        await Db.CommitAsync(app.NewInstance(), app.StartCluster(), app.ReportJobState(JobState.Running), app.NewInstance());

        await Db.ReopenAsync();

        var loaded = await Db.Store.LoadStateAsync(app.Key, None);
        Assert.NotNull(loaded);
        Assert.Equal(app.State.Instances, loaded.Instances);
        Assert.Equal(app.State.Clusters, loaded.Clusters);
        Assert.Equal(app.State with { Instances = loaded.Instances, Clusters = loaded.Clusters }, loaded);
    }

    [Fact]
    public async Task Reopened_store_keeps_spec_texts_events_and_pruned_tombstones()
    {
        var app = new TrackedApplication();
        await Db.CommitAsync(app.NewInstance(), app.NewInstance(), app.NewInstance());
        var first = app.Instance(1).Uid;
        var latest = app.Latest.Uid;
        await Db.CommitAsync(app.Prune(first));

        await Db.ReopenAsync();

        var instance = await Db.Queries.GetInstanceAsync(app.Key, latest, None);
        Assert.Equal(TrackedApplication.EffectiveSpec(latest), instance?.EffectiveSpecJson);
        Assert.Equal(3, (await Db.Queries.ListEventsAsync(app.Key, 0, 50, None))?.TotalCount);
        Assert.IsType<InstanceLookup.Pruned>(await Db.Queries.FindInstanceAsync(first, None));
    }

    [Fact]
    public async Task Reopened_store_continues_the_commit_sequence()
    {
        var app = new TrackedApplication();
        await Db.CommitAsync(app.NewInstance());
        var before = await Db.CommitAsync(app.NewInstance());

        await Db.ReopenAsync();
        var after = await Db.CommitAsync(app.NewInstance());

        Assert.Equal(before.Sequence + 1, after.Sequence);
    }

    [Fact]
    public async Task Reopened_store_keeps_the_environments()
    {
        await Db.Store.UpsertEnvironmentsAsync([new EnvironmentInfo("prod", "flink-prod")], None);

        await Db.ReopenAsync();

        var environment = Assert.Single(await Db.Queries.ListEnvironmentsAsync(None));
        Assert.Equal(("prod", "flink-prod"), (environment.Name, environment.Namespace));
    }

    [Fact]
    public async Task Database_runs_in_wal_mode_with_normal_synchronous_foreign_keys_and_a_busy_timeout()
    {
        await using var context = Db.Provider.CreateContext();
        await context.Database.OpenConnectionAsync();

        Assert.Equal("wal", await PragmaAsync(context, "journal_mode"));
        Assert.Equal("1", await PragmaAsync(context, "synchronous"));
        Assert.Equal("1", await PragmaAsync(context, "foreign_keys"));
        Assert.Equal("5000", await PragmaAsync(context, "busy_timeout"));
    }

    [Fact]
    public async Task Committed_migrations_match_the_model_and_are_applied()
    {
        await using var context = Db.Provider.CreateContext();

        Assert.False(context.Database.HasPendingModelChanges());
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        Assert.Contains(await context.Database.GetAppliedMigrationsAsync(), m => m.EndsWith("_Initial", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Upserting_an_environment_again_updates_its_namespace_and_defaults()
    {
        await Db.Store.UpsertEnvironmentsAsync([new EnvironmentInfo("prod", "old-ns")], None);
        var defaults = new System.Text.Json.Nodes.JsonObject { ["spec"] = new System.Text.Json.Nodes.JsonObject { ["flinkVersion"] = "v1_20" } };

        await Db.Store.UpsertEnvironmentsAsync([new EnvironmentInfo("prod", "flink-prod", defaults)], None);

        var environment = Assert.Single(await Db.Queries.ListEnvironmentsAsync(None));
        Assert.Equal("flink-prod", environment.Namespace);
        Assert.Equal("""{"spec":{"flinkVersion":"v1_20"}}""", environment.DefaultsJson);
    }

    private static async Task<string> PragmaAsync(Core.Storage.CmfDbContext context, string name)
    {
        await using var command = context.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
