using Cmf.Core.Configuration;
using Cmf.Core.Storage;
using Cmf.Core.Storage.PostgreSql;
using Cmf.Core.Storage.Sqlite;
using Cmf.Core.Tracking;
using Cmf.UnitTests.TestSupport;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cmf.UnitTests.Storage;

/// <summary>
/// A store on a database of its own: a real SQLite file in its own temp directory (deleting the directory on disposal
/// also removes the -wal and -shm files WAL mode leaves beside the database), or a fresh database on the test run's
/// PostgreSQL server.
/// </summary>
internal sealed class TestStore : IAsyncDisposable
{
    private readonly TimeProvider? _time;
    private StoreOptions _options;

    private TestStore(StoreProviderKind engine, string location, StoreOptions options, TimeProvider? time)
    {
        Engine = engine;
        Location = location;
        _options = options;
        _time = time;
        Plans = new QueryPlanRecorder();
        Provider = NewProvider();
        Store = new InstanceStore(Provider, options, time);
        Queries = new StoreQueries(Provider);
    }

    public StoreProviderKind Engine { get; }

    /// <summary>The SQLite store's directory, or the PostgreSQL database's connection string.</summary>
    public string Location { get; }

    public string Directory => Engine == StoreProviderKind.Sqlite ? Location : throw new InvalidOperationException("A PostgreSQL store has no directory.");

    public string DatabasePath => Path.Combine(Directory, SqliteStoreOptions.FileName);

    /// <summary>Records SQLite's query plans (the SQLite store only).</summary>
    public QueryPlanRecorder Plans { get; }

    public StoreProvider Provider { get; private set; }

    public InstanceStore Store { get; private set; }

    public StoreQueries Queries { get; private set; }

    public static Task<TestStore> OpenAsync(StoreOptions? options = null) => OpenAsync(StoreProviderKind.Sqlite, options);

    public static async Task<TestStore> OpenAsync(StoreProviderKind engine, StoreOptions? options = null, TimeProvider? time = null)
    {
        var location = engine == StoreProviderKind.PostgreSql
            ? await PostgreSqlServer.CreateDatabaseAsync()
            : Path.Combine(Path.GetTempPath(), "cmf-store-tests", Guid.NewGuid().ToString("N"));
        var store = new TestStore(engine, location, options ?? StoreOptions.Default, time);
        await store.Store.InitializeAsync(CancellationToken.None);
        return store;
    }

    /// <summary>Disposes everything that holds the database open, then opens the same database again.</summary>
    public async Task ReopenAsync()
    {
        await CloseAsync();
        Provider = NewProvider();
        Store = new InstanceStore(Provider, _options, _time);
        Queries = new StoreQueries(Provider);
        await Store.InitializeAsync(CancellationToken.None);
    }

    /// <summary>Reopens the same database with other store options.</summary>
    public Task ReopenWithAsync(StoreOptions options)
    {
        _options = options;
        return ReopenAsync();
    }

    public Task<CommitResult> CommitAsync(params TrackerResult[] batch) => Store.CommitAsync(batch, CancellationToken.None);

    /// <summary>Another provider on the same database, as another replica has; the caller disposes it.</summary>
    public StoreProvider NewProvider(params IInterceptor[] interceptors) => Engine == StoreProviderKind.PostgreSql
        ? new PostgreSqlStoreProvider(new PostgreSqlStoreOptions(Location), interceptors)
        : new SqliteStoreProvider(SqliteStoreOptions.InDirectory(Location), [Plans, .. interceptors]);

    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        if (Engine == StoreProviderKind.Sqlite && System.IO.Directory.Exists(Location))
        {
            System.IO.Directory.Delete(Location, recursive: true);
        }
    }

    private async Task CloseAsync()
    {
        Store.Dispose();
        await Provider.DisposeAsync();
    }
}
