using Cmf.Core.Configuration;
using Cmf.Core.Feed;
using Cmf.Core.Model;
using Cmf.Core.Storage.PostgreSql;
using Cmf.UnitTests.Storage;
using Npgsql;

namespace Cmf.UnitTests.Feed;

/// <summary>Two replicas on one PostgreSQL database: the writer's commits reach the other replica's feed through NOTIFY.</summary>
public sealed class PostgreSqlChangeFeedTests() : StoreTestBase(StoreProviderKind.PostgreSql)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_commit_on_one_replica_reaches_the_feed_of_another()
    {
        await using var replica = await ListeningReplicaAsync();
        var app = new TrackedApplication(name: "orders");

        await Db.CommitAsync(app.NewInstance());

        var batch = await replica.NextChangeAsync(b => b.Applications.Contains(app.Key));
        Assert.Contains(app.Latest.Uid, batch.InstanceUids);
    }

    [Fact]
    public async Task After_a_lost_connection_the_listener_resyncs_and_then_delivers_changes_again()
    {
        await using var replica = await ListeningReplicaAsync();

        await TerminateListenerConnectionsAsync();

        await replica.NextBatchAsync(b => b.Resync);
        var app = new TrackedApplication(name: "after-reconnect");
        await Db.CommitAsync(app.NewInstance());
        await replica.NextChangeAsync(b => b.Applications.Contains(app.Key));
    }

    [Fact]
    public async Task A_rolled_back_write_announces_nothing()
    {
        await using var replica = await ListeningReplicaAsync();
        await using var b = Db.NewProvider();
        using var other = new Core.Storage.InstanceStore(b, Core.Storage.StoreOptions.Default);
        await other.InitializeAsync(None);
        await Db.Store.ClaimWriterEpochAsync("replica-a", None);
        await other.ClaimWriterEpochAsync("replica-b", None);
        var refused = new TrackedApplication(name: "refused");
        await Assert.ThrowsAsync<Core.Storage.WriterDeposedException>(() => Db.CommitAsync(refused.NewInstance()));
        var accepted = new TrackedApplication(name: "accepted");

        await other.CommitAsync([accepted.NewInstance()], None);

        var batch = await replica.NextChangeAsync(c => c.Applications.Contains(accepted.Key));
        Assert.DoesNotContain(refused.Key, batch.Applications);
    }

    private async Task<Replica> ListeningReplicaAsync()
    {
        var feed = new ChangeFeed();
        var listener = new PostgreSqlChangeListener(new PostgreSqlStoreOptions(Db.Location), feed, null, TimeSpan.FromMilliseconds(100));
        var stop = new CancellationTokenSource();
        var running = listener.RunAsync(stop.Token);
        var subscription = await feed.SubscribeAsync(ChangeFilter.Everything, stop.Token);
        var replica = new Replica(listener, stop, running, subscription.Changes.GetAsyncEnumerator(stop.Token));
        // The first LISTEN resyncs (nothing before it was heard); from then on every commit is heard.
        await replica.NextBatchAsync(b => b.Resync);
        Assert.True(listener.IsListening);
        return replica;
    }

    private async Task TerminateListenerConnectionsAsync()
    {
        await using var connection = new NpgsqlConnection(Db.Location);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'cmf-change-listener' AND datname = current_database()",
            connection);
        await command.ExecuteNonQueryAsync();
    }

    private sealed record Replica(
        PostgreSqlChangeListener Listener, CancellationTokenSource Stop, Task Running, IAsyncEnumerator<ChangeBatch> Changes) : IAsyncDisposable
    {
        /// <summary>The next batch that names changes (not a resync) and matches.</summary>
        public Task<ChangeBatch> NextChangeAsync(Func<ChangeBatch, bool> match) => NextBatchAsync(b => !b.Resync && match(b));

        public async Task<ChangeBatch> NextBatchAsync(Func<ChangeBatch, bool> match)
        {
            using var patience = new CancellationTokenSource(Patience);
            while (await Changes.MoveNextAsync().AsTask().WaitAsync(patience.Token))
            {
                if (match(Changes.Current))
                {
                    return Changes.Current;
                }
            }
            throw new InvalidOperationException("The change stream ended.");
        }

        public async ValueTask DisposeAsync()
        {
            await Stop.CancelAsync();
            await Running;
            await Changes.DisposeAsync();
            Stop.Dispose();
        }
    }
}
