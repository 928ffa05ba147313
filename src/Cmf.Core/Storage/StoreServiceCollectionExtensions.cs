using Cmf.Core.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cmf.Core.Storage;

/// <summary>Registers the store as singletons: one provider, one writer, the queries.</summary>
public static class StoreServiceCollectionExtensions
{
    /// <remarks>
    /// The host must await <see cref="InstanceStore.InitializeAsync"/> before the first read or
    /// commit. The container disposes the writer before the provider, which checkpoints the WAL.
    /// </remarks>
    public static IServiceCollection AddSqliteStore(this IServiceCollection services, SqliteStoreOptions sqlite, StoreOptions? store = null)
    {
        services.AddSingleton<StoreProvider>(_ => new SqliteStoreProvider(sqlite));
        services.AddSingleton(store ?? StoreOptions.Default);
        services.AddSingleton(sp => new InstanceStore(
            sp.GetRequiredService<StoreProvider>(),
            sp.GetRequiredService<StoreOptions>(),
            sp.GetService<TimeProvider>(),
            sp.GetService<ILogger<InstanceStore>>()));
        services.AddSingleton(sp => new StoreQueries(sp.GetRequiredService<StoreProvider>()));
        return services;
    }
}
