using System.Globalization;
using Cmf.Core.Feed;
using Cmf.Dashboard.Model;

namespace Cmf.Dashboard.Components.Pages;

/// <summary>
/// Every instance created across all applications in a time window, newest first: who changed what, what the operator
/// made of it and how it ended. Window, filters and page start live in the query string; the page follows the change
/// feed, since a change anywhere may enter the window or move an outcome.
/// </summary>
public partial class Changes
{
    public const int PageSize = ChangeListReader.DefaultPageSize;

    private ChangeListFilter _filter = ChangeListFilter.Default;
    private ChangeListFilter? _shownFilter;
    private IReadOnlyList<string> _environments = [];
    private ChangeListPage? _page;
    private DateTimeOffset _now;

    private EmbedMode Embed => IsEmbedded ? EmbedMode.Embedded : EmbedMode.Standalone;

    private string CountText
    {
        get
        {
            var count = _page!.Rows.Count;
            var shown = count == 1 ? "1 change" : string.Create(CultureInfo.InvariantCulture, $"{count:N0} changes");
            var (from, to) = _filter.Range(_now);
            var window = _filter.From is null
                ? $"in the last {DashboardUrls.FormatDuration(_filter.Window)}"
                : $"from {DashboardUrls.FormatTime(from)} to {DashboardUrls.FormatTime(to)}";
            return _page.Next is null && _filter.Before is null ? $"{shown} {window}" : $"{shown} on this page, {window}";
        }
    }

    private string OlderUrl => DashboardUrls.ChangesUrl(_filter with { Before = _page?.Next });

    protected override async Task OnInitializedAsync()
    {
        _now = Clock.GetUtcNow();
        var environments = await Queries.ListEnvironmentsAsync(CancellationToken.None);
        _environments = [.. environments.Select(e => e.Name)];
    }

    protected override async Task OnParametersSetAsync()
    {
        _filter = DashboardUrls.ParseChangeListFilter(Navigation.Uri);
        if (_filter != _shownFilter)
        {
            await ShowAsync(ChangeFilter.Everything);
        }
    }

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        var filter = _filter;
        _now = Clock.GetUtcNow();
        _page = await ChangeListReader.ReadAsync(Queries, filter, PageSize, _now, cancellationToken);
        _shownFilter = filter;
    }

    protected override void OnClockTick() => _now = Clock.GetUtcNow();

    /// <summary>The diff with the previous instance, which links back here with this page's filters.</summary>
    private string DiffUrl(ChangeRow row, InstanceRef previous) =>
        DashboardUrls.DiffUrl(row.Environment, row.Application, previous.Uid, row.Instance.Uid, backToChanges: DashboardUrls.ChangesUrl(_filter));

    private void ApplyFilter(ChangeListFilter filter) => NavigateTo(DashboardUrls.ChangesUrl(filter with { Before = null }));

    // Typing replaces the history entry, so Back leaves the list instead of replaying every keystroke.
    private void ApplyText(ChangeListFilter filter) => NavigateTo(DashboardUrls.ChangesUrl(filter with { Before = null }), replace: true);
}
