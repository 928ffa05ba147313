using Cmf.Core.Storage;
using Cmf.Core.Storage.Sqlite;
using Cmf.Core.Tracking;

namespace Cmf.UnitTests.Storage;

/// <summary>
/// A store on a real SQLite file in its own temp directory; deleting the directory on disposal
/// also removes the -wal and -shm files WAL mode leaves beside the database.
/// </summary>
internal sealed class TestStore : IAsyncDisposable
{
    private StoreOptions _options;

    private TestStore(string directory, StoreOptions options)
    {
        Directory = directory;
        _options = options;
        Plans = new QueryPlanRecorder();
        Provider = NewProvider();
        Store = new InstanceStore(Provider, options);
        Queries = new StoreQueries(Provider);
    }

    public string Directory { get; }

    public string DatabasePath => Path.Combine(Directory, SqliteStoreOptions.FileName);

    public QueryPlanRecorder Plans { get; }

    public SqliteStoreProvider Provider { get; private set; }

    public InstanceStore Store { get; private set; }

    public StoreQueries Queries { get; private set; }

    public static async Task<TestStore> OpenAsync(StoreOptions? options = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "cmf-store-tests", Guid.NewGuid().ToString("N"));
        var store = new TestStore(directory, options ?? StoreOptions.Default);
        await store.Store.InitializeAsync(CancellationToken.None);
        return store;
    }

    /// <summary>Disposes everything that holds the file open, then opens the same file again.</summary>
    public async Task ReopenAsync()
    {
        await CloseAsync();
        Provider = NewProvider();
        Store = new InstanceStore(Provider, _options);
        Queries = new StoreQueries(Provider);
        await Store.InitializeAsync(CancellationToken.None);
    }

    /// <summary>Reopens the same file with other store options.</summary>
    public Task ReopenWithAsync(StoreOptions options)
    {
        _options = options;
        return ReopenAsync();
    }

    public Task<CommitResult> CommitAsync(params TrackerResult[] batch) => Store.CommitAsync(batch, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }

    private SqliteStoreProvider NewProvider() =>
        new(SqliteStoreOptions.InDirectory(Directory), [Plans]);

    private async Task CloseAsync()
    {
        Store.Dispose();
        await Provider.DisposeAsync();
    }
}
