namespace Cmf.UnitTests.Storage;

/// <summary>Gives each test a fresh store on its own SQLite file and removes it afterwards.</summary>
public abstract class StoreTestBase : IAsyncLifetime
{
    private TestStore? _db;

    internal TestStore Db => _db ?? throw new InvalidOperationException("The store is not open yet.");

    protected static CancellationToken None => CancellationToken.None;

    public virtual async Task InitializeAsync() => _db = await TestStore.OpenAsync();

    public async Task DisposeAsync()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
    }
}
