using Cmf.Core.Configuration;
using Cmf.Core.Storage.PostgreSql;
using Cmf.Core.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cmf.Core.Storage;

/// <summary>Registers the store as singletons: one provider, one writer, the queries.</summary>
public static class StoreServiceCollectionExtensions
{
    /// <summary>
    /// The store <c>Cmf:Store</c> chooses: SQLite in <paramref name="sqliteDatabasePath"/>, or PostgreSQL with its
    /// <see cref="PostgreSqlChangeListener"/> (the host runs the listener; see <see cref="StoreProvider.AnnouncesCommits"/>).
    /// </summary>
    public static IServiceCollection AddStore(
        this IServiceCollection services, StoreOptionsSection section, string sqliteDatabasePath, StoreOptions? store = null)
    {
        ArgumentNullException.ThrowIfNull(section);
        if (section.Provider != StoreProviderKind.PostgreSql)
        {
            return services.AddSqliteStore(new SqliteStoreOptions(sqliteDatabasePath), store);
        }
        var postgreSql = new PostgreSqlStoreOptions(section.ConnectionString
            ?? throw new ArgumentException("Cmf:Store:ConnectionString is required for PostgreSql.", nameof(section)));
        services.AddSingleton(postgreSql);
        services.AddSingleton<PostgreSqlChangeListener>();
        return services.AddStore(_ => new PostgreSqlStoreProvider(postgreSql), store);
    }

    /// <remarks>
    /// The host must await <see cref="InstanceStore.InitializeAsync"/> before the first read or
    /// commit. The container disposes the writer before the provider, which checkpoints the WAL.
    /// </remarks>
    public static IServiceCollection AddSqliteStore(this IServiceCollection services, SqliteStoreOptions sqlite, StoreOptions? store = null) =>
        services.AddStore(_ => new SqliteStoreProvider(sqlite), store);

    private static IServiceCollection AddStore(this IServiceCollection services, Func<IServiceProvider, StoreProvider> provider, StoreOptions? store)
    {
        services.AddSingleton(provider);
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
