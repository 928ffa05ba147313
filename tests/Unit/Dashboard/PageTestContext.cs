using Bunit;
using Cmf.Core.Configuration;
using Cmf.Core.Feed;
using Cmf.Core.Model;
using Cmf.Core.Storage;
using Cmf.Core.Storage.Views;
using Cmf.Core.Tracking;
using Cmf.Dashboard.Components.Pages;
using Cmf.Dashboard.Model;
using Cmf.UnitTests.Storage;
using Cmf.UnitTests.TestSupport;
using Cmf.UnitTests.Tracking;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cmf.UnitTests.Dashboard;

/// <summary>
/// Pages against a real store on its own SQLite file and a real change feed. Tests seed the store through the real
/// tracker (<see cref="SeededApplication"/>) and play the watcher's part by publishing what they committed.
/// The clock stands an hour after the tracker scenario's start, so seeded history lies in the past.
/// </summary>
public abstract class PageTestContext : DashboardTestContext
{
    public static readonly DateTimeOffset PageNow = TrackerScenario.Start.AddHours(1);

    private TestStore? _store;

    protected PageTestContext()
    {
        Services.AddSingleton<TimeProvider>(new FixedClock(PageNow));
        Services.AddSingleton(Feed);
        Services.AddSingleton(_ => Queries);
        Services.AddSingleton(_ => new SharedApplicationPages(ReadApplicationPageAsync, Feed));
        Services.AddSingleton<LiveViews>();
        Services.AddSingleton(_ => Options.Create(CmfOptions));
    }

    private int _applicationPageReads;

    /// <summary>How many application list pages the lists have read from the store (shared reads count once).</summary>
    protected int ApplicationPageReads => Volatile.Read(ref _applicationPageReads);

    protected ChangeFeed Feed { get; } = new(Options.Create(new FeedOptions { CoalesceMilliseconds = 10 }), TimeProvider.System);

    /// <summary>What <c>Cmf</c> configuration the page sees; set it before rendering.</summary>
    protected CmfOptions CmfOptions { get; } = new();

    internal InstanceStore Store => Db.Store;

    protected StoreQueries Queries => Db.Queries;

    private Task<ApplicationPage> ReadApplicationPageAsync(ApplicationListQuery query, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _applicationPageReads);
        return Queries.ListApplicationsAsync(query, cancellationToken);
    }

    private TestStore Db => _store ?? throw new InvalidOperationException("The store opens in InitializeAsync.");

    /// <summary>Opens the store; from here on the services are fixed, and the renderer is an interactive Server one.</summary>
    public override async Task InitializeAsync()
    {
        _store = await TestStore.OpenAsync();
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    protected override async Task DisposeResourcesAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }

    protected SeededApplication Seed(string environment = "prod", string name = "orders", string? @namespace = null, TrackerSettings? settings = null) =>
        new(Store, new ApplicationKey(environment, name), @namespace ?? environment + "-ns", settings);

    /// <summary>The watcher's part after a commit: tell the feed which applications changed.</summary>
    protected void Publish(CommitResult committed) =>
        Feed.Publish(new ChangeSet(committed.Applications, [.. committed.NewInstanceUids, .. committed.ChangedInstanceUids]));

    /// <summary>
    /// Renders a page the way the router does (at its address, so the page reads its query string) and waits until it
    /// has loaded, i.e. shows no loading state.
    /// </summary>
    protected IRenderedComponent<TPage> RenderAt<TPage>(string url, Action<ComponentParameterCollectionBuilder<TPage>>? parameters = null)
        where TPage : IComponent
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        var cut = Render(parameters);
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".loading-state")), LiveTimeout);
        return cut;
    }

    /// <summary>Renders a page of one application at <c>/environments/{env}/applications/{app}{rest}</c>.</summary>
    protected IRenderedComponent<TPage> RenderApplicationPage<TPage>(
        ApplicationKey application, string rest = "", Action<ComponentParameterCollectionBuilder<TPage>>? parameters = null)
        where TPage : ApplicationRouteComponent =>
        RenderAt<TPage>($"/environments/{application.Environment}/applications/{application.Name}{rest}", p =>
        {
            p.Add(c => c.Environment, application.Environment).Add(c => c.Application, application.Name);
            parameters?.Invoke(p);
        });

    protected string CurrentUrl
    {
        get
        {
            var navigation = Services.GetRequiredService<NavigationManager>();
            return "/" + navigation.ToBaseRelativePath(navigation.Uri);
        }
    }

    /// <summary>Bounded wait for something the change feed brings (never a timing assertion).</summary>
    protected static readonly TimeSpan LiveTimeout = TimeSpan.FromSeconds(10);
}
