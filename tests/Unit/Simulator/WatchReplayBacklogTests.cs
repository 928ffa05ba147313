using System.Text.Json.Nodes;
using Cmf.Simulator;
using Cmf.Simulator.Store;

namespace Cmf.UnitTests.Simulator;

/// <summary>
/// A watch resumed from an old version replays the whole retained window, however long, as the API server's watch cache
/// sends its initial events; only live events it falls behind on count against the backlog that closes a slow watcher.
/// </summary>
public sealed class WatchReplayBacklogTests
{
    private const int Backlog = 5;

    [Fact]
    public void A_resumed_watch_replays_a_window_longer_than_the_backlog()
    {
        var store = NewStore();
        var start = store.CurrentVersion;
        var created = Enumerable.Range(0, 50).Select(i => CreateNamespace(store, $"ns-{i:D2}")).ToList();

        using var watch = store.Watch(ResourceTypes.Namespaces, start, _ => true);

        Assert.False(watch.Overflowed);
        Assert.Equal(created, Drain(watch));
    }

    [Fact]
    public void A_watcher_that_falls_behind_the_live_events_by_more_than_the_backlog_is_closed()
    {
        var store = NewStore();
        var start = store.CurrentVersion;
        for (var i = 0; i < 50; i++)
        {
            CreateNamespace(store, $"old-{i:D2}");
        }
        using var watch = store.Watch(ResourceTypes.Namespaces, start, _ => true);

        for (var i = 0; i < Backlog; i++)
        {
            CreateNamespace(store, $"live-{i}");
        }
        Assert.False(watch.Overflowed);
        CreateNamespace(store, "one-too-many");

        Assert.True(watch.Overflowed);
        Assert.Equal(50 + Backlog, Drain(watch).Count);
        Assert.True(watch.Reader.Completion.IsCompleted);
    }

    private static ResourceStore NewStore() =>
        new(new SimulatorClock(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero), 1.0, manual: true), new SimulatorRandom(8), retainedVersions: 1_000, watchBacklog: Backlog);

    private static long CreateNamespace(ResourceStore store, string name) =>
        store.Create(ResourceTypes.Namespaces, new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Namespace",
            ["metadata"] = new JsonObject { ["name"] = name },
        }, ChangeOrigin.Client).ResourceVersion;

    private static List<long> Drain(WatchSubscription watch)
    {
        var versions = new List<long>();
        while (watch.Reader.TryRead(out var item))
        {
            versions.Add(item.Object!.ResourceVersion);
        }
        return versions;
    }
}
