using Cmf.Core.Feed;
using Cmf.Core.Model;
using Cmf.Core.Storage;
using Cmf.Core.Tracking;
using Cmf.Dashboard.Model;
using Microsoft.AspNetCore.Components;
using N = Cmf.Dashboard.Model.QueryParameterNames;
using Cmf.Core.Storage.Views;

namespace Cmf.Dashboard.Components.Pages;

/// <summary>
/// One application: its live status and one tab (timeline, instances, events or effective spec) whose choice and
/// time range live in the URL. Only the open tab's data is queried and held.
/// </summary>
public partial class ApplicationDetail : IAsyncDisposable
{
    public const int InstancePageSize = 50;
    public const int EventCount = 100;

    private ApplicationKey _key;
    private ApplicationView _view = ApplicationView.Default;
    private (ApplicationKey Key, ApplicationView View)? _shown;
    private bool _missing;
    private ApplicationSummary? _summary;
    private DateTimeOffset _now;
    private IReadOnlyList<InstanceState> _instances = [];
    private IReadOnlyList<ClusterState> _clusters = [];
    private IReadOnlyList<SnapshotView> _snapshots = [];
    private IReadOnlyDictionary<string, int> _sequences = new Dictionary<string, int>();
    private IReadOnlyList<InstanceRow> _instanceRows = [];
    private int _instancePage = 1;
    private int _instanceTotal;
    private IReadOnlyList<EventView> _events = [];
    private int _eventTotal;
    private InstanceReference? _specInstance;
    private string? _specYaml;
    private LiveView _live = null!;

    [Inject]
    private LiveViews LiveViews { get; set; } = default!;

    [Inject]
    private StoreQueries Queries { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter]
    private EmbedMode? Embed { get; set; }

    [SupplyParameterFromQuery(Name = N.Tab)]
    public string? TabInUrl { get; set; }

    [SupplyParameterFromQuery(Name = N.From)]
    public string? FromInUrl { get; set; }

    [SupplyParameterFromQuery(Name = N.To)]
    public string? ToInUrl { get; set; }

    [SupplyParameterFromQuery(Name = N.Window)]
    public string? WindowInUrl { get; set; }

    private int InstancePageCount => Math.Max(1, (_instanceTotal + InstancePageSize - 1) / InstancePageSize);

    private IReadOnlyList<Breadcrumb> Crumbs => CrumbsTo();

    private ApplicationHistory History => ApplicationHistory.Of(_summary!, _instances, _clusters);

    protected override void OnInitialized()
    {
        var owner = new LiveComponent(RendererInfo.IsInteractive, InvokeAsync, StateHasChanged, DispatchExceptionAsync);
        _live = LiveViews.Start(owner, LoadAsync, () => _now = Clock.GetUtcNow());
    }

    protected override async Task OnParametersSetAsync()
    {
        var key = Key;
        var view = ApplicationViewReader.Read(TabInUrl, FromInUrl, ToInUrl, WindowInUrl);
        if (_shown is { } shown && shown.Key == key && shown.View == view)
        {
            return;
        }
        if (key != _key)
        {
            _instancePage = 1;
        }
        _key = key;
        _view = view;
        await _live.ShowAsync(ChangeFilter.ForApplication(key));
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var (key, view) = (_key, _view);
        var detail = await Queries.GetApplicationAsync(key, cancellationToken);
        _now = Clock.GetUtcNow();
        _shown = (key, view);
        _missing = detail is null;
        if (detail is null)
        {
            _summary = null;
            return;
        }
        _summary = detail.Summary;
        switch (view.Tab)
        {
            case ApplicationTab.Timeline:
                await LoadTimelineAsync(key, TimeRangeOf(view.Window), cancellationToken);
                break;
            case ApplicationTab.Instances:
                await LoadTimelineAsync(key, null, cancellationToken);
                await LoadInstancesAsync(key, cancellationToken);
                break;
            case ApplicationTab.Events:
                await LoadTimelineAsync(key, null, cancellationToken);
                var events = await Queries.ListEventsAsync(key, 0, EventCount, cancellationToken);
                (_events, _eventTotal) = events is null ? ([], 0) : (events.Items, events.TotalCount);
                break;
            case ApplicationTab.Spec:
                await LoadSpecAsync(key, cancellationToken);
                break;
        }
    }

    private async Task LoadTimelineAsync(ApplicationKey key, TimeRange? range, CancellationToken cancellationToken)
    {
        var timeline = await Queries.GetTimelineAsync(key, range, cancellationToken);
        _instances = timeline?.Instances ?? [];
        _clusters = timeline?.Clusters ?? [];
        _snapshots = timeline?.Snapshots ?? [];
        _sequences = _instances.ToDictionary(i => i.Uid, i => i.Sequence);
    }

    private async Task LoadInstancesAsync(ApplicationKey key, CancellationToken cancellationToken)
    {
        var query = new InstanceListQuery { Page = _instancePage - 1, PageSize = InstancePageSize };
        var page = await Queries.ListInstancesAsync(key, query, cancellationToken);
        _instanceTotal = page?.TotalCount ?? 0;
        _instanceRows = InstanceRow.For(page?.Items ?? [], History, _now);
    }

    private async Task LoadSpecAsync(ApplicationKey key, CancellationToken cancellationToken)
    {
        _specInstance = _summary!.CurrentInstance ?? _summary.LatestInstance;
        var instance = _specInstance is { } shown ? await Queries.GetInstanceAsync(key, shown.Uid, cancellationToken) : null;
        _specYaml = SpecText.MaskedYaml(instance?.EffectiveSpecJson);
    }

    private TimeRange? TimeRangeOf(TimelineWindow window) => window switch
    {
        { Between: { } range } => new TimeRange(range.From, range.To),
        { Last: { } last } => new TimeRange(_now - last, _now),
        _ => null,
    };

    private void SelectTab(int index) =>
        Navigation.NavigateWithin(Embed, DashboardUrls.ApplicationUrl(Environment, Application, TabOfUrl((ApplicationTab)index), _view.Window));

    private void SetWindow(TimelineWindow window) =>
        Navigation.NavigateWithin(Embed, DashboardUrls.ApplicationUrl(Environment, Application, TabOfUrl(_view.Tab), window), replace: true);

    private async Task GoToInstancePageAsync(int page)
    {
        _instancePage = page;
        await _live.RefreshAsync();
    }

    /// <summary>The timeline is the default tab: its URL stays short.</summary>
    private static ApplicationTab? TabOfUrl(ApplicationTab tab) => tab == ApplicationTab.Timeline ? null : tab;

    public async ValueTask DisposeAsync()
    {
        await _live.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
