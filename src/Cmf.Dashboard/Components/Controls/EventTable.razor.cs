using Cmf.Core.Storage.Views;
using Cmf.Dashboard.Model;
using Microsoft.AspNetCore.Components;

namespace Cmf.Dashboard.Components.Controls;

/// <summary>An application's events (or one instance's status history), newest first, messages always shown as text.</summary>
public partial class EventTable
{
    [Parameter, EditorRequired]
    public required string Environment { get; set; }

    [Parameter, EditorRequired]
    public required string Application { get; set; }

    [Parameter, EditorRequired]
    public required IReadOnlyList<EventView> Events { get; set; }

    /// <summary>Instance numbers by UID, to label the instance column; an instance no longer kept shows its short UID.</summary>
    [Parameter]
    public IReadOnlyDictionary<string, int> InstanceSequences { get; set; } = new Dictionary<string, int>();

    /// <summary>False on an instance's own page, where every event is about that instance.</summary>
    [Parameter]
    public bool ShowInstance { get; set; } = true;

    [Parameter]
    public string EmptyTitle { get; set; } = "No events recorded";

    /// <summary>The row's class carries the event's CMF type as a modifier (lower case, never the raw text).</summary>
    private static IReadOnlyDictionary<string, object> RowAttributes(EventView entry) =>
        new Dictionary<string, object> { ["class"] = $"event-table__row event-table__row--{entry.CmfType.ToLowerInvariant()}" };

    /// <summary>The operator repeats an error once per retry of a blocked upgrade; the event counts the repeats.</summary>
    private static string CountTitle(EventView entry) =>
        $"Seen {entry.Count} times, first {RelativeTimeText.Iso(entry.Timestamp)}, last {RelativeTimeText.Iso(entry.LastSeenAt ?? entry.Timestamp)}";

    /// <summary>"warning" or "normal": a Kubernetes Event's type, as a CSS modifier (never the raw text).</summary>
    private static string OperatorTone(EventView entry) => entry.EventType == "Warning" ? "warning" : "normal";

    private static string OperatorTitle(EventView entry) =>
        $"Operator event {entry.Reason} ({entry.EventType}) from {entry.Source ?? "the operator"}";

    private string InstanceLabel(string uid) =>
        InstanceSequences.TryGetValue(uid, out var sequence) ? $"#{sequence}" : InstanceTable.ShortUid(uid);
}
