using Cmf.Core.Storage.Views;
using Cmf.Dashboard.Model;
using Microsoft.AspNetCore.Components;

namespace Cmf.Dashboard.Components.Controls;

/// <summary>
/// One page of the application list: states as chips, current and latest instance (a pending upgrade shows as a badge).
/// A live list keeps its render tree (twice: the current and the previous render) for the life of its circuit, so the
/// rows hold no components and few frames: each row's cells are written once as HTML (<see cref="StaticHtml"/>) from
/// the controls' static <c>Render</c> fragments, a few markup frames per row instead of about a hundred element,
/// attribute and text frames. The memory bench measured the frames of 50 rows at over 600 KB per open list. The HTML
/// is shared by every list showing the same summaries (<see cref="ApplicationRowMarkup"/>), so a circuit holds frames
/// that point at strings, not strings of its own.
/// </summary>
public partial class ApplicationTable
{
    [Parameter, EditorRequired]
    public required IReadOnlyList<ApplicationSummary> Applications { get; set; }

    /// <summary>The list's current view, so the sort links keep its filters.</summary>
    [Parameter, EditorRequired]
    public required ApplicationListFilter Filter { get; set; }

    [CascadingParameter]
    private EmbedMode? Embed { get; set; }

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private ApplicationRowMarkup RowMarkup { get; set; } = default!;

    private static string LastChangeText(ApplicationSummary application, DateTimeOffset now) =>
        application.LastChangeAt is { } changed ? RelativeTimeText.Format(changed, now) : "";

    private static string InstanceHref(ApplicationSummary application, InstanceReference instance) =>
        DashboardUrls.InstanceUrl(application.Key.Environment, application.Key.Name, instance.Uid);
}
