using Cmf.Core.Storage.Views;
using Cmf.Dashboard.Model;
using Microsoft.AspNetCore.Components;

namespace Cmf.Dashboard.Components.Controls;

/// <summary>
/// A column header of the application list that links to the same list sorted by its column: ascending first,
/// then descending. A link, not a button, so the sorted view can be opened in a new tab or shared.
/// </summary>
public partial class SortHeader
{
    [Parameter, EditorRequired]
    public required string Label { get; set; }

    [Parameter, EditorRequired]
    public required ApplicationSort Sort { get; set; }

    [Parameter, EditorRequired]
    public required ApplicationListFilter Filter { get; set; }

    [Parameter]
    public string? Class { get; set; }

    private bool IsSorted => Filter.Sort == Sort;

    private string Href => DashboardUrls.ApplicationsUrl(Filter with { Sort = Sort, Descending = IsSorted && !Filter.Descending, Page = 1 });

    private string AriaSort => !IsSorted ? "none" : Filter.Descending ? "descending" : "ascending";

    private string Arrow => !IsSorted ? "" : Filter.Descending ? " ↓" : " ↑";

    private string LinkTitle => IsSorted && !Filter.Descending ? $"Sort by {Label.ToLowerInvariant()}, descending" : $"Sort by {Label.ToLowerInvariant()}";
}
