using Bunit;
using Cmf.Core.Configuration;
using Cmf.Core.Kubernetes;
using Cmf.Dashboard.Components.Controls;
using Cmf.Dashboard.Hosting;
using Cmf.Dashboard.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace Cmf.UnitTests.Dashboard;

/// <summary>
/// bUnit with MudBlazor, loose JS interop (modules answer defaults unless a test sets them up) and a fixed clock.
/// </summary>
public abstract class DashboardTestContext : BunitContext, IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    protected DashboardTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<TimeProvider>(new FixedClock(Now));
        Services.AddSingleton(new DashboardRuntime(RunsOnSimulator: false));
        Services.AddSingleton(new Leadership("test-replica", elected: false));
        Services.AddSingleton(Health);
        Services.AddScoped<ThemePreferenceStore>();
        Services.AddSingleton<ApplicationRowMarkup>();
        Services.AddSingleton(Options.Create(new CmfOptions()));
    }

    /// <summary>The watches' state the layout reads; ready (every first list stored) unless a test says otherwise.</summary>
    protected WatchHealth Health { get; } = ReadyHealth();

    public virtual Task InitializeAsync() => Task.CompletedTask;

    private static WatchHealth ReadyHealth()
    {
        var health = new WatchHealth();
        health.MarkNothingToWatch();
        return health;
    }

    /// <summary>MudBlazor's services dispose only asynchronously; xunit calls this before the synchronous Dispose.</summary>
    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await DisposeResourcesAsync();
    }

    /// <summary>What a derived context holds beyond the renderer (a store), released after every component is gone.</summary>
    protected virtual Task DisposeResourcesAsync() => Task.CompletedTask;
}
