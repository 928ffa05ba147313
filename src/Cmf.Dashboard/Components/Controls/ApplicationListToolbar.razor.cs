using Cmf.Core.Model;
using Cmf.Dashboard.Model;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Cmf.Dashboard.Components.Controls;

/// <summary>
/// Search, environment and job-state filters of the application list. It only reports changes; the page puts them in the URL.
/// Plain HTML controls, not MudBlazor's: a live list keeps its toolbar's components (and their two render trees each) for
/// as long as it is open, and MudBlazor's selects cost some 45 of them while closed.
/// </summary>
public sealed partial class ApplicationListToolbar : IDisposable
{
    /// <summary>How long typing must pause before the search is reported (each report navigates and queries).</summary>
    public static readonly TimeSpan SearchPause = TimeSpan.FromMilliseconds(300);

    private const string AllEnvironments = "";
    private static readonly MarkupString SearchIcon = new(Icons.Material.Filled.Search);
    private static readonly MarkupString ClearIcon = new(Icons.Material.Filled.Clear);
    private static readonly MarkupString ClearFiltersIcon = new(Icons.Material.Filled.FilterAltOff);

    private string _searchText = "";
    private CancellationTokenSource? _pendingSearch;
    private ApplicationListFilter? _shownFilter;
    private IReadOnlyList<string> _shownEnvironments = [];
    private bool _changed;

    [Parameter, EditorRequired]
    public required ApplicationListFilter Filter { get; set; }

    [Parameter]
    public IReadOnlyList<string> Environments { get; set; } = [];

    [Parameter]
    public EventCallback<ApplicationListFilter> FilterChanged { get; set; }

    /// <summary>The search text, reported after the user pauses typing.</summary>
    [Parameter]
    public EventCallback<string?> SearchChanged { get; set; }

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    private bool HasFilters => Filter.Environment is not null || Filter.JobStates.Count > 0 || Filter.Search is not null;

    /// <summary>An environment named in the URL stays selectable even before it has applications.</summary>
    private IEnumerable<string> EnvironmentChoices =>
        Filter.Environment is { } selected && !Environments.Contains(selected) ? [.. Environments, selected] : Environments;

    private string JobStatesText => Filter.JobStates.Count == 0 ? "Any" : string.Join(", ", Filter.JobStates.Select(JobStateText));

    protected override void OnParametersSet()
    {
        // The page renders on every read of the live list; the toolbar only when what it shows changed.
        if (Filter != _shownFilter || !Environments.SequenceEqual(_shownEnvironments))
        {
            _changed = true;
        }
        _shownFilter = Filter;
        _shownEnvironments = Environments;
        // The URL's search replaces the box's text unless the user is still typing (or it is that text, trimmed).
        if (_pendingSearch is null && Filter.Search != Normalized(_searchText))
        {
            _searchText = Filter.Search ?? "";
        }
    }

    protected override bool ShouldRender()
    {
        var render = _changed;
        _changed = false;
        return render;
    }

    // The first render does not ask ShouldRender, so what the parameters marked is cleared here too.
    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _changed = false;
        }
    }

    private void TypeSearch(ChangeEventArgs args)
    {
        var text = args.Value as string ?? "";
        _changed = (text.Length == 0) != (_searchText.Length == 0);
        _searchText = text;
        ReportSearchLater(text);
    }

    private void ClearSearch()
    {
        _searchText = "";
        _changed = true;
        ReportSearchLater("");
    }

    private void ReportSearchLater(string text)
    {
        _pendingSearch?.Cancel();
        _pendingSearch?.Dispose();
        _pendingSearch = new CancellationTokenSource();
        _ = ReportSearchAsync(text, _pendingSearch);
    }

    private async Task ReportSearchAsync(string text, CancellationTokenSource pending)
    {
        try
        {
            await Task.Delay(SearchPause, Time, pending.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        await InvokeAsync(async () =>
        {
            if (_pendingSearch != pending)
            {
                return;
            }
            _pendingSearch = null;
            pending.Dispose();
            await SearchChanged.InvokeAsync(Normalized(text));
        });
    }

    private Task SelectEnvironmentAsync(ChangeEventArgs args) =>
        FilterChanged.InvokeAsync(Filter with { Environment = args.Value as string is { Length: > 0 } environment ? environment : null });

    private Task ToggleJobStateAsync(JobState state, ChangeEventArgs args)
    {
        var chosen = args.Value is true || args.Value is "true" or "on";
        var states = chosen ? Filter.JobStates.Append(state) : Filter.JobStates.Where(s => s != state);
        return FilterChanged.InvokeAsync(Filter with { JobStates = [.. states.Distinct().Order()] });
    }

    private Task ClearAsync() => FilterChanged.InvokeAsync(ApplicationListFilter.Default with { Sort = Filter.Sort, Descending = Filter.Descending });

    private static string JobStateText(JobState state) => FlinkStateNames.ToWire(state);

    private static string? Normalized(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public void Dispose()
    {
        _pendingSearch?.Cancel();
        _pendingSearch?.Dispose();
        _pendingSearch = null;
    }
}
