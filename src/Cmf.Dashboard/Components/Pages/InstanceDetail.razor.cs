using Cmf.Core.Feed;
using Cmf.Core.Model;
using Cmf.Core.Storage;
using Cmf.Core.Tracking;
using Cmf.Dashboard.Model;
using Microsoft.AspNetCore.Components;
using Cmf.Core.Storage.Views;

namespace Cmf.Dashboard.Components.Pages;

/// <summary>
/// One instance (DESIGN 6): identity, lifetime, status history, the clusters it ran on, its specs, log correlation and
/// the way to its neighbours and the diff with the previous one. Unknown answers 404, pruned by retention 410.
/// </summary>
public partial class InstanceDetail : IAsyncDisposable
{
    /// <summary>Events retained per application (the default retention): the instance's history is among them.</summary>
    public const int EventWindow = 100;

    private ApplicationKey _key;
    private string _uid = "";
    private (ApplicationKey Key, string Uid)? _shown;
    private bool _applicationMissing;
    private InstanceLookup? _lookup;
    private InstanceDetailView? _detail;
    private ApplicationSummary? _application;
    private InstanceState? _instance;
    private ApplicationHistory _history = null!;
    private IReadOnlyList<ClusterStint> _stints = [];
    private IReadOnlyList<EventView> _events = [];
    private EnvironmentDefaultMarks _defaults = EnvironmentDefaultMarks.For(null, null);
    private bool _podsCarryAnnotation;
    private DateTimeOffset _now;
    private LiveView _live = null!;

    [Inject]
    private LiveViews LiveViews { get; set; } = default!;

    [Inject]
    private StoreQueries Queries { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Parameter]
    public string Uid { get; set; } = "";

    private IReadOnlyList<Breadcrumb> Crumbs => CrumbsTo($"Instance {_instance?.Label}");

    private InstanceOutcome Outcome => InstanceOutcome.For(_instance!, _history, _now);

    private string NoClusterTitle => Outcome.Kind is InstanceOutcomeKind.Pending or InstanceOutcomeKind.UpgradeBlocked or InstanceOutcomeKind.Deploying
        ? "Not deployed yet"
        : "Never deployed";

    private string NoClusterText => Outcome switch
    {
        { Kind: InstanceOutcomeKind.Pending or InstanceOutcomeKind.UpgradeBlocked or InstanceOutcomeKind.Deploying } => "No JobManager Deployment has run this instance yet.",
        { Kind: InstanceOutcomeKind.Reverted or InstanceOutcomeKind.Suspended } outcome => $"No JobManager Deployment ran this instance: {outcome.Text}.",
        _ => "No JobManager Deployment ever ran this instance.",
    };

    protected override void OnInitialized()
    {
        var owner = new LiveComponent(RendererInfo.IsInteractive, InvokeAsync, StateHasChanged, DispatchExceptionAsync);
        _live = LiveViews.Start(owner, LoadAsync, () => _now = Clock.GetUtcNow());
    }

    protected override async Task OnParametersSetAsync()
    {
        var key = Key;
        if (_shown is { } shown && shown.Key == key && shown.Uid == Uid)
        {
            return;
        }
        (_key, _uid) = (key, Uid);
        await _live.ShowAsync(ChangeFilter.ForApplication(key));
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var (key, uid) = (_key, _uid);
        var application = await Queries.GetApplicationAsync(key, cancellationToken);
        var detail = application is null ? null : await Queries.GetInstanceAsync(key, uid, cancellationToken);
        _now = Clock.GetUtcNow();
        _shown = (key, uid);
        _applicationMissing = application is null;
        _lookup = application is not null && detail is null ? await Queries.FindInstanceAsync(uid, cancellationToken) : null;
        _detail = detail;
        _application = application?.Summary;
        _instance = detail?.Instance;
        if (detail is null)
        {
            return;
        }
        var timeline = await Queries.GetTimelineAsync(key, null, cancellationToken);
        _history = ApplicationHistory.Of(
            _application!,
            timeline?.Instances ?? [],
            timeline?.Clusters ?? []);
        _stints = ClusterStint.OfInstance(uid, detail.Clusters);
        var defaults = (await Queries.ListEnvironmentsAsync(cancellationToken)).FirstOrDefault(e => e.Name == key.Environment)?.DefaultsJson;
        _defaults = EnvironmentDefaultMarks.For(detail.EffectiveSpecJson, defaults);
        _podsCarryAnnotation = Controls.LogCorrelation.CarriesInstanceAnnotation(detail.EffectiveSpecJson, uid);
        var events = await Queries.ListEventsAsync(key, 0, EventWindow, cancellationToken);
        // The operator's own Events have their section (from the detail); the status history keeps the dashboard's.
        _events = [.. (events?.Items ?? []).Where(e => e.InstanceUid == uid && !e.IsOperatorEvent)];
    }

    private string InstanceHref(string uid) => DashboardUrls.InstanceUrl(Environment, Application, uid);

    public async ValueTask DisposeAsync()
    {
        await _live.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
