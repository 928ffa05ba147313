using Cmf.Core.Storage;
using Cmf.Core.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Cmf.UnitTests.Storage;

public sealed class StoreRegistrationTests
{
    [Fact]
    public async Task Registered_writer_and_queries_share_one_database()
    {
        var directory = Path.Combine(Path.GetTempPath(), "cmf-store-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var services = new ServiceCollection().AddSqliteStore(SqliteStoreOptions.InDirectory(directory)).BuildServiceProvider();
            await using (services)
            {
                var app = new TrackedApplication();
                var store = services.GetRequiredService<InstanceStore>();
                await store.InitializeAsync(CancellationToken.None);
                await store.CommitAsync([app.NewInstance()], CancellationToken.None);

                var detail = await services.GetRequiredService<StoreQueries>().GetApplicationAsync(app.Key, CancellationToken.None);

                Assert.Equal(1, detail?.Summary.InstanceCount);
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
