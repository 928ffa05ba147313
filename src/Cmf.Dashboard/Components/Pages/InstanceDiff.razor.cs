using Cmf.Core.Feed;
using Cmf.Core.Model;
using Cmf.Core.Storage;
using Cmf.Core.Storage.Views;
using Cmf.Core.Tracking;
using Cmf.Dashboard.Model;
using Microsoft.AspNetCore.Components;
using N = Cmf.Dashboard.Model.QueryParameterNames;

namespace Cmf.Dashboard.Components.Pages;

/// <summary>
/// Side-by-side diff of the effective specs of any two instances of one application. Without <c>from</c>/<c>to</c> it
/// compares the latest instance with the one before. The YAML with fingerprint tokens goes to the diff, which shows a changed secret
/// as changed but never its value.
/// </summary>
public partial class InstanceDiff : IAsyncDisposable
{
    private ApplicationKey _key;
    private InstanceDiffView _view = new(null, null, false, false);
    private (ApplicationKey Key, InstanceDiffView View)? _shown;
    private bool _loaded;
    private bool _applicationMissing;
    private InstanceLookup? _lookup;
    private IReadOnlyList<InstanceState> _choices = [];
    private InstanceDetailView? _from;
    private InstanceDetailView? _to;
    private string? _fromYaml;
    private string? _toYaml;
    private LiveView _live = null!;

    [Inject]
    private LiveViews LiveViews { get; set; } = default!;

    [Inject]
    private StoreQueries Queries { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter]
    private EmbedMode? Embed { get; set; }

    [SupplyParameterFromQuery(Name = N.From)]
    public string? FromInUrl { get; set; }

    [SupplyParameterFromQuery(Name = N.To)]
    public string? ToInUrl { get; set; }

    [SupplyParameterFromQuery(Name = N.Inline)]
    public string? InlineInUrl { get; set; }

    [SupplyParameterFromQuery(Name = N.HideAnnotation)]
    public string? HideAnnotationInUrl { get; set; }

    [SupplyParameterFromQuery(Name = N.Back)]
    public string? BackInUrl { get; set; }

    private string FromLabel => _from is null ? "" : $"#{_from.Instance.Sequence}";

    private string ToLabel => _to is null ? "" : $"#{_to.Instance.Sequence}";

    private IReadOnlyList<Breadcrumb> Crumbs => CrumbsTo("Diff");

    protected override void OnInitialized()
    {
        var owner = new LiveComponent(RendererInfo.IsInteractive, InvokeAsync, StateHasChanged, DispatchExceptionAsync);
        _live = LiveViews.Start(owner, LoadAsync);
    }

    protected override async Task OnParametersSetAsync()
    {
        var key = Key;
        var view = InstanceDiffViewReader.Read(FromInUrl, ToInUrl, InlineInUrl, HideAnnotationInUrl, BackInUrl);
        if (_shown is { } shown && shown.Key == key && shown.View == view)
        {
            return;
        }
        // The toggles only change how the same two specs are drawn: SpecDiffView redraws without a query.
        var sameSpecs = _shown is { } before && before.Key == key && before.View.FromUid == view.FromUid && before.View.ToUid == view.ToUid;
        (_key, _view) = (key, view);
        if (sameSpecs)
        {
            _shown = (key, view);
            return;
        }
        await _live.ShowAsync(ChangeFilter.ForApplication(key));
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var (key, view) = (_key, _view);
        var application = await Queries.GetApplicationAsync(key, cancellationToken);
        _shown = (key, view);
        _loaded = true;
        _applicationMissing = application is null;
        _lookup = null;
        (_from, _to) = (null, null);
        if (application is null)
        {
            return;
        }
        var choices = await Queries.ListInstancesAsync(key, new InstanceListQuery { PageSize = StoreQueries.MaxPageSize }, cancellationToken);
        _choices = choices?.Items ?? [];

        var toUid = view.ToUid ?? application.Summary.LatestInstance?.Uid;
        _to = toUid is null ? null : await Queries.GetInstanceAsync(key, toUid, cancellationToken);
        var fromUid = view.FromUid ?? _to?.PreviousInstanceUid;
        _from = fromUid is null ? null : await Queries.GetInstanceAsync(key, fromUid, cancellationToken);
        var missingUid = (toUid is not null && _to is null) ? toUid : (fromUid is not null && _from is null) ? fromUid : null;
        if (missingUid is not null)
        {
            _lookup = await Queries.FindInstanceAsync(missingUid, cancellationToken);
            return;
        }
        _fromYaml = SpecText.FingerprintedYaml(_from?.EffectiveSpecJson);
        _toYaml = SpecText.FingerprintedYaml(_to?.EffectiveSpecJson);
    }

    private void Compare((string FromUid, string ToUid) pair) =>
        Navigation.NavigateWithin(Embed, DashboardUrls.DiffUrl(Environment, Application, pair.FromUid, pair.ToUid, _view.Inline, _view.HideInstanceAnnotation,
            backToChanges: _view.BackToChanges));

    private void SetInline(bool inline) => ReplaceView(_view with { Inline = inline });

    private void SetHideAnnotation(bool hide) => ReplaceView(_view with { HideInstanceAnnotation = hide });

    private void ReplaceView(InstanceDiffView view)
    {
        if (_from is null || _to is null)
        {
            return;
        }
        Navigation.NavigateWithin(Embed, DashboardUrls.DiffUrl(Environment, Application, _from.Instance.Uid, _to.Instance.Uid, view.Inline, view.HideInstanceAnnotation,
            backToChanges: view.BackToChanges), replace: true);
    }

    public async ValueTask DisposeAsync()
    {
        await _live.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
