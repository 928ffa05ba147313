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

    [CascadingParameter]
    private EmbedMode? Embed { get; set; }

    private static string Href(ApplicationSort sort, ApplicationListFilter filter, bool sorted) =>
        DashboardUrls.ApplicationsUrl(filter with { Sort = sort, Descending = sorted && !filter.Descending, Page = 1 });

    private static string AriaSort(bool sorted, ApplicationListFilter filter) => !sorted ? "none" : filter.Descending ? "descending" : "ascending";

    private static string Arrow(bool sorted, ApplicationListFilter filter) => !sorted ? "" : filter.Descending ? " ↓" : " ↑";

    private static string LinkTitle(string label, bool sorted, ApplicationListFilter filter) =>
        sorted && !filter.Descending ? $"Sort by {label.ToLowerInvariant()}, descending" : $"Sort by {label.ToLowerInvariant()}";
}
