using Cmf.Core.Configuration;
using Cmf.Core.Storage.PostgreSql;
using Microsoft.EntityFrameworkCore;

namespace Cmf.UnitTests.Storage;

/// <summary>What only the PostgreSQL engine has: its own migrations, its data-version row and its erase pass.</summary>
public sealed class PostgreSqlStoreTests() : StoreTestBase(StoreProviderKind.PostgreSql)
{
    [Fact]
    public async Task The_committed_migrations_match_the_model_and_are_applied()
    {
        await using var context = Db.Provider.CreateContext();

        Assert.False(context.Database.HasPendingModelChanges());
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        Assert.Contains(await context.Database.GetAppliedMigrationsAsync(), m => m.EndsWith("_Initial", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_data_version_is_kept_in_its_row()
    {
        await using var context = Db.Provider.CreateContext();

        await Db.Provider.WriteDataVersionAsync(context, 7, None);

        Assert.Equal(7, await Db.Provider.ReadDataVersionAsync(context, None));
    }

    [Fact]
    public async Task A_new_store_is_at_the_current_data_version()
    {
        await using var context = Db.Provider.CreateContext();

        Assert.Equal(Core.Storage.Writing.OutcomeBackfill.DataVersion, await Db.Provider.ReadDataVersionAsync(context, None));
    }

    [Fact]
    public async Task Erasing_overwritten_data_keeps_the_live_rows()
    {
        var app = new TrackedApplication();
        await Db.CommitAsync(app.NewInstance());

        await Db.Provider.EraseOverwrittenDataAsync(None);

        Assert.NotNull(await Db.Queries.GetInstanceAsync(app.Key, app.Latest.Uid, None));
    }

    [Fact]
    public void A_provider_announces_its_commits()
    {
        Assert.True(Db.Store.AnnouncesCommits);
        Assert.IsType<PostgreSqlStoreProvider>(Db.Provider);
    }
}
