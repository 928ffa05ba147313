using Cmf.Core.Configuration;
using Cmf.Core.Feed;
using Cmf.Core.Storage.PostgreSql;
using Cmf.UnitTests.Storage;
using Cmf.UnitTests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Cmf.UnitTests.Feed;

/// <summary>The dashboard on each engine: on PostgreSQL its feed is fed by its listener, on SQLite there is none.</summary>
public sealed class DashboardChangeListenerTests
{
    [Fact]
    public async Task On_postgresql_a_commit_reaches_the_dashboards_feed_through_its_listener()
    {
        await using var host = await DashboardHost.StartAsync(store: StoreProviderKind.PostgreSql);
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var listener = host.Services.GetRequiredService<PostgreSqlChangeListener>();
        var subscription = await host.Feed.SubscribeAsync(ChangeFilter.Everything, stop.Token);
        await using var changes = subscription.Changes.GetAsyncEnumerator(stop.Token);
        while (!listener.IsListening)
        {
            await Task.Delay(20, stop.Token);
        }
        var app = new TrackedApplication(name: "through-notify");

        await host.Store.CommitAsync([app.NewInstance()], stop.Token);

        while (await changes.MoveNextAsync() && (changes.Current.Resync || !changes.Current.Applications.Contains(app.Key)))
        {
        }
        Assert.Contains(app.Key, changes.Current.Applications);
    }

    [Fact]
    public async Task On_sqlite_there_is_no_listener()
    {
        await using var host = await DashboardHost.StartAsync();

        Assert.Null(host.Services.GetService<PostgreSqlChangeListener>());
        Assert.False(host.Store.AnnouncesCommits);
    }
}
