using Cmf.Core.Configuration;

namespace Cmf.UnitTests.Storage;

/// <summary>
/// Gives each test a fresh store of its own (a SQLite file, or a database on the run's PostgreSQL server) and removes
/// it afterwards. A test class meant for both engines is abstract and has one fingerprinted subclass per engine.
/// </summary>
public abstract class StoreTestBase(StoreProviderKind engine = StoreProviderKind.Sqlite) : IAsyncLifetime
{
    private TestStore? _db;

    internal TestStore Db => _db ?? throw new InvalidOperationException("The store is not open yet.");

    protected StoreProviderKind Engine => engine;

    protected static CancellationToken None => CancellationToken.None;

    public virtual async Task InitializeAsync() => _db = await TestStore.OpenAsync(engine);

    public async Task DisposeAsync()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
    }
}
