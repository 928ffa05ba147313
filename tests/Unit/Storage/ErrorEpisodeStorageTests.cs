using Cmf.Core.Configuration;
using Cmf.Core.Model;
using Cmf.UnitTests.TestSupport;
using static Cmf.UnitTests.Tracking.StatusChanges;

namespace Cmf.UnitTests.Storage;

/// <summary>DESIGN 3.2 rule 6 in the store: a blocked upgrade's flapping error is one event row, counted, not one per flap.</summary>
public abstract class ErrorEpisodeStorageTests(StoreProviderKind engine) : StoreTestBase(engine)
{
    [Fact]
    public async Task A_blocked_upgrade_retried_200_times_stores_one_error_event_with_its_count()
    {
        var app = new SeededApplication(Db.Store, new ApplicationKey("prod", "payments"), "prod");
        await app.DeployedAndRunningAsync();
        await app.SpecAsync("v2");
        var before = (await Db.Queries.ListEventsAsync(app.Key, 0, 500, None))!.TotalCount;

        for (var retry = 0; retry < 200; retry++)
        {
            // Each retry: the observer clears the error of the healthy deployment, the failed savepoint sets it again.
            await app.StatusAsync(SavepointFailed(observedGeneration: 1));
            await app.StatusAsync(ErrorCleared());
        }

        var events = (await Db.Queries.ListEventsAsync(app.Key, 0, 500, None))!;
        var error = Assert.Single(events.Items, e => e.Kind == AppEventKind.ErrorSet);
        Assert.Equal(before + 1, events.TotalCount);
        Assert.Equal(200, error.Count);
        Assert.True(error.LastSeenAt > error.Timestamp);
        Assert.DoesNotContain(events.Items, e => e.Kind == AppEventKind.ErrorCleared);
    }

    [Fact]
    public async Task The_episode_survives_a_restart_and_keeps_counting()
    {
        var app = new SeededApplication(Db.Store, new ApplicationKey("prod", "payments"), "prod");
        await app.DeployedAndRunningAsync();
        await app.SpecAsync("v2");
        await app.StatusAsync(SavepointFailed(observedGeneration: 1));
        await app.StatusAsync(ErrorCleared());

        await Db.ReopenAsync();
        var reloaded = await Db.Store.LoadStateAsync(app.Key, None);

        Assert.Equal(1, reloaded?.ErrorEpisode?.Count);
        Assert.NotNull(reloaded?.ErrorEpisode?.ClearedAt);
    }
}

public sealed class ErrorEpisodeStorageTestsOnSqlite() : ErrorEpisodeStorageTests(StoreProviderKind.Sqlite);

public sealed class ErrorEpisodeStorageTestsOnPostgreSql() : ErrorEpisodeStorageTests(StoreProviderKind.PostgreSql);
