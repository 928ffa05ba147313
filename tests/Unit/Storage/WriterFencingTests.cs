using System.Data.Common;
using Cmf.Core.Configuration;
using Cmf.Core.Storage;
using Cmf.UnitTests.TestSupport;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cmf.UnitTests.Storage;

/// <summary>Two writers on one database, as an old and a new leader: the one that claimed last is the only one that commits.</summary>
public abstract class WriterFencingTests(StoreProviderKind engine) : StoreTestBase(engine)
{
    [Fact]
    public async Task Each_claim_takes_the_next_writer_epoch()
    {
        await using var other = await SecondWriterAsync();

        Assert.Equal(1, await Db.Store.ClaimWriterEpochAsync("replica-a", None));
        Assert.Equal(2, await other.Store.ClaimWriterEpochAsync("replica-b", None));
        Assert.Equal(3, await Db.Store.ClaimWriterEpochAsync("replica-a", None));
    }

    [Fact]
    public async Task A_deposed_writer_commits_nothing_and_the_new_writer_commits()
    {
        await using var b = await SecondWriterAsync();
        await Db.Store.ClaimWriterEpochAsync("replica-a", None);
        await Db.CommitAsync(new TrackedApplication(name: "before").NewInstance());
        await b.Store.ClaimWriterEpochAsync("replica-b", None);
        var late = new TrackedApplication(name: "late");

        var refused = await Assert.ThrowsAsync<WriterDeposedException>(() => Db.CommitAsync(late.NewInstance()));

        Assert.Contains("'replica-a'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("'replica-b'", refused.Message, StringComparison.Ordinal);
        Assert.Null(await Db.Queries.GetApplicationAsync(late.Key, None));
        var fromB = new TrackedApplication(name: "from-b");
        await b.Store.CommitAsync([fromB.NewInstance()], None);
        Assert.NotNull(await Db.Queries.GetApplicationAsync(fromB.Key, None));
    }

    [Fact]
    public async Task A_deposed_writer_cannot_change_the_environments()
    {
        await using var b = await SecondWriterAsync();
        await Db.Store.ClaimWriterEpochAsync("replica-a", None);
        await b.Store.ClaimWriterEpochAsync("replica-b", None);

        await Assert.ThrowsAsync<WriterDeposedException>(() =>
            Db.Store.UpsertEnvironmentsAsync([new Core.Model.EnvironmentInfo("staging", "flink-staging", null)], None));

        Assert.Empty(await Db.Queries.ListEnvironmentsAsync(None));
    }

    [Fact]
    public async Task A_paused_leader_that_resumes_after_the_new_leader_committed_is_refused()
    {
        var gate = new ConnectionGate();
        await using var a = await SecondWriterAsync(gate);
        await a.Store.ClaimWriterEpochAsync("replica-a", None);
        var paused = new TrackedApplication(name: "paused");
        gate.Close();
        var pausedCommit = a.Store.CommitAsync([paused.NewInstance()], None);
        await gate.Reached;

        await Db.Store.ClaimWriterEpochAsync("replica-b", None);
        var fromB = new TrackedApplication(name: "from-b");
        await Db.CommitAsync(fromB.NewInstance());
        gate.Open();

        await Assert.ThrowsAsync<WriterDeposedException>(() => pausedCommit);
        Assert.Null(await Db.Queries.GetApplicationAsync(paused.Key, None));
        Assert.NotNull(await Db.Queries.GetApplicationAsync(fromB.Key, None));
    }

    private async Task<SecondWriter> SecondWriterAsync(params IInterceptor[] interceptors)
    {
        var provider = Db.NewProvider(interceptors);
        var store = new InstanceStore(provider, StoreOptions.Default);
        await store.InitializeAsync(None);
        return new SecondWriter(provider, store);
    }

    private sealed record SecondWriter(StoreProvider Provider, InstanceStore Store) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Store.Dispose();
            await Provider.DisposeAsync();
        }
    }
}

public sealed class WriterFencingTestsOnSqlite() : WriterFencingTests(StoreProviderKind.Sqlite);

public sealed class WriterFencingTestsOnPostgreSql() : WriterFencingTests(StoreProviderKind.PostgreSql);
