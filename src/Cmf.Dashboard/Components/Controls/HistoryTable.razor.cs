using Microsoft.AspNetCore.Components;

namespace Cmf.Dashboard.Components.Controls;

/// <summary>
/// The table of an application's or an instance's history (instances, clusters, events): one look, one place for its
/// markup and CSS. The caller writes the header cells (<c>th scope="col"</c>) and a row's cells; the table keys each row
/// so a live update keeps focus and moves rows instead of rewriting them.
/// </summary>
public partial class HistoryTable<TItem>
{
    [Parameter, EditorRequired]
    public required IReadOnlyList<TItem> Items { get; set; }

    /// <summary>The header cells.</summary>
    [Parameter, EditorRequired]
    public required RenderFragment Header { get; set; }

    /// <summary>One row's cells.</summary>
    [Parameter, EditorRequired]
    public required RenderFragment<TItem> Row { get; set; }

    /// <summary>What identifies a row across renders.</summary>
    [Parameter, EditorRequired]
    public required Func<TItem, object> RowKey { get; set; }

    /// <summary>A row's own attributes (its class, its <c>data-</c> attributes the tests and scripts find it by).</summary>
    [Parameter]
    public Func<TItem, IReadOnlyDictionary<string, object>>? RowAttributes { get; set; }

    /// <summary>Shown instead of the table when there are no rows; without it an empty table shows its header.</summary>
    [Parameter]
    public RenderFragment? Empty { get; set; }

    /// <summary>The wrapper's own class, for the caller's selectors.</summary>
    [Parameter]
    public string? Class { get; set; }

    /// <summary>The table's own class, for the caller's selectors.</summary>
    [Parameter]
    public string? TableClass { get; set; }

    /// <summary>Highlights the row under the pointer.</summary>
    [Parameter]
    public bool Hover { get; set; }
}
