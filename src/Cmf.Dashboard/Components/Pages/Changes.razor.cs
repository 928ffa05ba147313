using System.Globalization;
using Cmf.Core.Feed;
using Cmf.Core.Storage;
using Cmf.Core.Storage.Views;
using Cmf.Dashboard.Model;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Primitives;
using N = Cmf.Dashboard.Model.QueryParameterNames;

namespace Cmf.Dashboard.Components.Pages;

/// <summary>
/// Every instance created across all applications in a time window, newest first: who changed what, what the operator
/// made of it and how it ended. Window, filters and page start live in the query string; the page follows the change
/// feed, since a change anywhere may enter the window or move an outcome.
/// </summary>
public partial class Changes : IAsyncDisposable
{
    public const int PageSize = ChangeListReader.DefaultPageSize;

    private ChangeListFilter _filter = ChangeListFilter.Default;
    private ChangeListFilter? _shownFilter;
    private IReadOnlyList<string> _environments = [];
    private ChangeListPage? _page;
    private DateTimeOffset _now;

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
    private EmbedMode? CascadedEmbed { get; set; }

    [SupplyParameterFromQuery(Name = N.Window)]
    public string? WindowInUrl { get; set; }

    [SupplyParameterFromQuery(Name = N.From)]
    public string? FromInUrl { get; set; }

    [SupplyParameterFromQuery(Name = N.To)]
    public string? ToInUrl { get; set; }

    [SupplyParameterFromQuery(Name = N.Environment)]
    public string? EnvironmentInUrl { get; set; }

    [SupplyParameterFromQuery(Name = N.Application)]
    public string? ApplicationInUrl { get; set; }

    [SupplyParameterFromQuery(Name = N.Field)]
    public string[]? FieldsInUrl { get; set; }

    [SupplyParameterFromQuery(Name = N.Key)]
    public string? KeyInUrl { get; set; }

    [SupplyParameterFromQuery(Name = N.Outcome)]
    public string? OutcomeInUrl { get; set; }

    [SupplyParameterFromQuery(Name = N.Before)]
    public string? BeforeInUrl { get; set; }

    private EmbedMode Embed => CascadedEmbed ?? EmbedMode.Standalone;

    private string CountText
    {
        get
        {
            var count = _page!.Rows.Count;
            var shown = count == 1 ? "1 change" : string.Create(CultureInfo.InvariantCulture, $"{count:N0} changes");
            var (from, to) = _filter.Range(_now);
            var window = _filter.From is null
                ? $"in the last {DurationText.Format(_filter.Window)}"
                : $"from {UtcTimeText.Of(from)} to {UtcTimeText.Of(to)}";
            return _page.Next is null && _filter.Before is null ? $"{shown} {window}" : $"{shown} on this page, {window}";
        }
    }

    private string OlderUrl => DashboardUrls.ChangesUrl(_filter with { Before = _page?.Next });

    protected override async Task OnInitializedAsync()
    {
        var owner = new LiveComponent(RendererInfo.IsInteractive, InvokeAsync, StateHasChanged, DispatchExceptionAsync);
        _live = LiveViews.Start(owner, LoadAsync, () => _now = Clock.GetUtcNow());
        _now = Clock.GetUtcNow();
        var environments = await Queries.ListEnvironmentsAsync(CancellationToken.None);
        _environments = [.. environments.Select(e => e.Name)];
    }

    protected override async Task OnParametersSetAsync()
    {
        _filter = ChangeListFilterReader.Read(QueryInUrl(), out _, out _);
        if (_filter != _shownFilter)
        {
            await _live.ShowAsync(ChangeFilter.Everything);
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var filter = _filter;
        _now = Clock.GetUtcNow();
        _page = await ChangeListReader.ReadAsync(Queries, filter, PageSize, _now, cancellationToken);
        _shownFilter = filter;
    }

    /// <summary>The diff with the previous instance, which links back here with this page's filters.</summary>
    private string DiffUrl(ChangeRow row, InstanceReference previous) =>
        DashboardUrls.DiffUrl(row.Environment, row.Application, previous.Uid, row.Instance.Uid, backToChanges: DashboardUrls.ChangesUrl(_filter));

    private void ApplyFilter(ChangeListFilter filter) => Navigation.NavigateWithin(Embed, DashboardUrls.ChangesUrl(filter with { Before = null }));

    // Typing replaces the history entry, so Back leaves the list instead of replaying every keystroke.
    private void ApplyText(ChangeListFilter filter) => Navigation.NavigateWithin(Embed, DashboardUrls.ChangesUrl(filter with { Before = null }), replace: true);

    /// <summary>The list's parameters as the URL gave them; what does not parse is left out.</summary>
    private IEnumerable<KeyValuePair<string, StringValues>> QueryInUrl()
    {
        (string Name, StringValues Value)[] given =
        [
            (N.Window, WindowInUrl), (N.From, FromInUrl), (N.To, ToInUrl), (N.Environment, EnvironmentInUrl),
            (N.Application, ApplicationInUrl), (N.Field, FieldsInUrl), (N.Key, KeyInUrl), (N.Outcome, OutcomeInUrl), (N.Before, BeforeInUrl),
        ];
        return given.Where(p => p.Value.Count > 0).Select(p => KeyValuePair.Create(p.Name, p.Value));
    }

    public async ValueTask DisposeAsync()
    {
        await _live.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
