using Cmf.Core.Configuration;
using Cmf.Core.Feed;
using Cmf.Core.Storage;
using Cmf.Dashboard;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Cmf.UnitTests.TestSupport;

/// <summary>
/// The real dashboard on a real Kestrel server at 127.0.0.1 with an OS-chosen port and its own data directory.
/// By default nothing is watched (<c>Cmf:Cluster:Mode=None</c>), so a test can seed the store itself.
/// Given a data directory that outlives it, a second host started on it is a restart on the same store.
/// </summary>
public sealed class DashboardHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TempDirectory? _ownData;

    private DashboardHost(WebApplication app, string dataDirectory, TempDirectory? ownData, Uri baseUrl)
    {
        _app = app;
        DataDirectory = dataDirectory;
        _ownData = ownData;
        BaseUrl = baseUrl;
        Client = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseUrl { get; }

    /// <summary>The dashboard's own origin, as its pages send it in <c>Origin</c>.</summary>
    public string Origin => BaseUrl.GetLeftPart(UriPartial.Authority);

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public string DataDirectory { get; }

    public InstanceStore Store => Services.GetRequiredService<InstanceStore>();

    public StoreQueries Queries => Services.GetRequiredService<StoreQueries>();

    public ChangeFeed Feed => Services.GetRequiredService<ChangeFeed>();

    /// <param name="settings">Configuration over the defaults (nothing watched, quick feed coalescing, warnings only).</param>
    /// <param name="dataDirectory">A data directory the caller owns; by default a fresh one, deleted with the host.</param>
    /// <param name="services">Replaces services before the dashboard adds its own (a fake TimeProvider, shared data protection keys).</param>
    /// <param name="store">The store's engine: SQLite in the data directory, or a fresh database on the run's PostgreSQL server.</param>
    public static async Task<DashboardHost> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null,
        string? dataDirectory = null,
        Action<IServiceCollection>? services = null,
        StoreProviderKind store = StoreProviderKind.Sqlite)
    {
        var ownData = dataDirectory is null ? new TempDirectory() : null;
        dataDirectory ??= ownData!.Path;
        var all = new Dictionary<string, string?>
        {
            ["Cmf:DataDirectory"] = dataDirectory,
            ["Cmf:Cluster:Mode"] = "None",
            ["Cmf:Feed:CoalesceMilliseconds"] = "20",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        if (store == StoreProviderKind.PostgreSql)
        {
            all["Cmf:Store:Provider"] = nameof(StoreProviderKind.PostgreSql);
            all["Cmf:Store:ConnectionString"] = await PostgreSqlServer.CreateDatabaseAsync();
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }
        var app = DashboardApplication.Build([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(all);
            services?.Invoke(builder.Services);
        });
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            ownData?.Dispose();
            throw;
        }
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new DashboardHost(app, dataDirectory, ownData, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _ownData?.Dispose();
    }
}
