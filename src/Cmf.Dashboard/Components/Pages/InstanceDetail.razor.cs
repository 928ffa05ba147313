using Cmf.Core.Feed;
using Cmf.Core.Model;
using Cmf.Dashboard.Model;
using Microsoft.AspNetCore.Components;
using Views = Cmf.Core.Storage.Views;

namespace Cmf.Dashboard.Components.Pages;

/// <summary>
/// One instance (DESIGN 6): identity, lifetime, status history, the clusters it ran on, its specs, log correlation and
/// the way to its neighbours and the diff with the previous one. Unknown answers 404, pruned by retention 410.
/// </summary>
public partial class InstanceDetail
{
    /// <summary>Events retained per application (the default retention): the instance's history is among them.</summary>
    public const int EventWindow = 100;

    private ApplicationKey _key;
    private string _uid = "";
    private (ApplicationKey Key, string Uid)? _shown;
    private bool _applicationMissing;
    private Views.InstanceLookup? _lookup;
    private Views.InstanceDetail? _detail;
    private ApplicationSummary? _application;
    private InstanceSummary? _instance;
    private IReadOnlyList<ClusterSummary> _clusters = [];
    private IReadOnlyList<Views.EventView> _history = [];
    private string? _effectiveYaml;
    private DateTimeOffset _now;

    [Parameter]
    public string Uid { get; set; } = "";

    private IReadOnlyList<Breadcrumb> Crumbs => CrumbsTo($"Instance {_instance?.Label}");

    protected override async Task OnParametersSetAsync()
    {
        var key = Key;
        if (_shown is { } shown && shown.Key == key && shown.Uid == Uid)
        {
            return;
        }
        (_key, _uid) = (key, Uid);
        await ShowAsync(ChangeFilter.ForApplication(key));
    }

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        var (key, uid) = (_key, _uid);
        var application = await Queries.GetApplicationAsync(key, cancellationToken);
        var detail = application is null ? null : await Queries.GetInstanceAsync(key, uid, cancellationToken);
        _now = Clock.GetUtcNow();
        _shown = (key, uid);
        _applicationMissing = application is null;
        _lookup = application is not null && detail is null ? await Queries.FindInstanceAsync(uid, cancellationToken) : null;
        _detail = detail;
        _application = application?.Summary.ToView();
        _instance = detail?.Instance.ToView();
        if (detail is null)
        {
            return;
        }
        _clusters = [.. detail.Clusters.Select(c => c.ToView())];
        _effectiveYaml = SpecText.MaskedYaml(detail.EffectiveSpecJson);
        var events = await Queries.ListEventsAsync(key, 0, EventWindow, cancellationToken);
        _history = [.. (events?.Items ?? []).Where(e => e.InstanceUid == uid)];
    }

    protected override void OnClockTick() => _now = Clock.GetUtcNow();

    private string InstanceHref(string uid) => DashboardUrls.InstanceUrl(Environment, Application, uid);
}
