using System.Globalization;
using Cmf.Core.Feed;
using Cmf.Core.Storage;
using Cmf.Dashboard.Model;
using Microsoft.AspNetCore.Components;
using N = Cmf.Dashboard.Model.QueryParameterNames;
using Cmf.Core.Storage.Views;

namespace Cmf.Dashboard.Components.Pages;

/// <summary>
/// Every application, one page of rows at a time: the filter, search, sort and page live in the query string and go
/// to the store as one indexed query, so the page stays quick at 10,000 applications and a link reproduces the view.
/// </summary>
public partial class Applications : IAsyncDisposable
{
    public const int PageSize = 50;

    private ApplicationListFilter _filter = ApplicationListFilter.Default;
    private ApplicationListFilter? _shownFilter;
    private IReadOnlyList<string> _environments = [];
    private ApplicationPage? _page;
    private IReadOnlyList<ApplicationSummary> _rows = [];
    private int _pageNumber = 1;
    private bool _reloadChangedNothing;
    private LiveView _live = null!;

    [Inject]
    private LiveViews LiveViews { get; set; } = default!;

    [Inject]
    private StoreQueries Queries { get; set; } = default!;

    [Inject]
    private SharedApplicationPages Pages { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter]
    private EmbedMode? Embed { get; set; }

    [SupplyParameterFromQuery(Name = N.Environment)]
    public string? EnvironmentInUrl { get; set; }

    [SupplyParameterFromQuery(Name = N.State)]
    public string[]? StatesInUrl { get; set; }

    [SupplyParameterFromQuery(Name = N.Search)]
    public string? SearchInUrl { get; set; }

    [SupplyParameterFromQuery(Name = N.Sort)]
    public string? SortInUrl { get; set; }

    [SupplyParameterFromQuery(Name = N.Descending)]
    public string? DescendingInUrl { get; set; }

    [SupplyParameterFromQuery(Name = N.Page)]
    public string? PageInUrl { get; set; }

    private bool IsFiltered => _filter.Environment is not null || _filter.JobStates.Count > 0 || _filter.Search is not null;

    private int PageCount => _page is null ? 0 : Math.Max(1, (_page.TotalCount + PageSize - 1) / PageSize);

    private string CountText => _page!.TotalCount == 1
        ? "1 application"
        : string.Create(CultureInfo.InvariantCulture, $"{_page.TotalCount:N0} applications");

    protected override async Task OnInitializedAsync()
    {
        var owner = new LiveComponent(RendererInfo.IsInteractive, InvokeAsync, StateHasChanged, DispatchExceptionAsync);
        _live = LiveViews.Start(owner, LoadAsync, onTick: () => _reloadChangedNothing = false);
        var environments = await Queries.ListEnvironmentsAsync(CancellationToken.None);
        _environments = [.. environments.Select(e => e.Name)];
    }

    protected override async Task OnParametersSetAsync()
    {
        _reloadChangedNothing = false;
        _filter = ApplicationListFilterReader.Read(EnvironmentInUrl, StatesInUrl, SearchInUrl, SortInUrl, DescendingInUrl, PageInUrl);
        if (_filter != _shownFilter)
        {
            // Any application can enter or leave the shown page, so the list follows every change.
            await _live.ShowAsync(ChangeFilter.Everything);
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var filter = _filter;
        var page = await Pages.ReadAsync(filter.ToQuery(PageSize), DashboardUrls.ApplicationsUrl(filter), cancellationToken);
        if (page.Items.Count == 0 && page.TotalCount > 0 && filter.Page > 1)
        {
            // The page asked for is past the end now (fewer matches than when the link was made): show the last one.
            filter = filter with { Page = (page.TotalCount + PageSize - 1) / PageSize };
            page = await Pages.ReadAsync(filter.ToQuery(PageSize), DashboardUrls.ApplicationsUrl(filter), cancellationToken);
        }
        // Every change re-reads the page, and most changes under churn are of applications on other pages: when the
        // read kept every row (SharedApplicationPages hands back an unchanged row's record), the render is skipped.
        _reloadChangedNothing = _page is not null && page.TotalCount == _page.TotalCount && filter.Page == _pageNumber
            && _shownFilter == _filter && page.Items.SequenceEqual(_rows, ReferenceEqualityComparer.Instance);
        _page = page;
        _pageNumber = filter.Page;
        _rows = page.Items;
        _shownFilter = _filter;
    }

    /// <summary>Only a reload that changed nothing is skipped; parameters, the clock's tick and events still render.</summary>
    protected override bool ShouldRender()
    {
        var render = !_reloadChangedNothing;
        _reloadChangedNothing = false;
        return render;
    }

    private void ApplyFilter(ApplicationListFilter filter) =>
        Navigation.NavigateWithin(Embed, DashboardUrls.ApplicationsUrl(filter with { Page = 1 }));

    // Typing replaces the history entry, so Back leaves the list instead of replaying every keystroke.
    private void ApplySearch(string? search) =>
        Navigation.NavigateWithin(Embed, DashboardUrls.ApplicationsUrl(_filter with { Search = string.IsNullOrWhiteSpace(search) ? null : search.Trim(), Page = 1 }), replace: true);

    private void GoToPage(int page) => Navigation.NavigateWithin(Embed, DashboardUrls.ApplicationsUrl(_filter with { Page = page }));

    public async ValueTask DisposeAsync()
    {
        await _live.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
