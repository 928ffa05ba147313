using Cmf.Core.Tracking;
using Cmf.Dashboard.Model;
using Microsoft.AspNetCore.Components;

namespace Cmf.Dashboard.Components.Controls;

/// <summary>An application's instances: number, UID, lifetime, job state, outcome, clusters (with hand-overs), diff with the one before.</summary>
public partial class InstanceTable
{
    [Parameter, EditorRequired]
    public required string Environment { get; set; }

    [Parameter, EditorRequired]
    public required string Application { get; set; }

    [Parameter, EditorRequired]
    public required IReadOnlyList<InstanceRow> Rows { get; set; }

    /// <summary>Names the instances a cluster was handed over from and to.</summary>
    [Parameter, EditorRequired]
    public required ApplicationHistory History { get; set; }

    /// <summary>The row's class and its instance's UID, which the tests and the timeline's highlight find it by.</summary>
    private static IReadOnlyDictionary<string, object> RowAttributes(InstanceRow row) => new Dictionary<string, object>
    {
        ["class"] = "instance-table__row",
        ["data-instance"] = row.Instance.Uid,
    };

    private string InstanceHref(string uid) => DashboardUrls.InstanceUrl(Environment, Application, uid);

    private string DiffHref(string fromUid, string toUid) => DashboardUrls.DiffUrl(Environment, Application, fromUid, toUid);

    /// <summary>" (live)", " (from #1)", " (to #3)", or both hand-overs: what the cell says besides the cluster.</summary>
    private string StintNote(ClusterStint stint)
    {
        var notes = new List<string>(3);
        if (stint.HandedOverFrom is { } from)
        {
            notes.Add($"from {History.Label(from)}");
        }
        if (stint.HandedOverTo is { } to)
        {
            notes.Add($"to {History.Label(to)}");
        }
        if (stint.Until is null)
        {
            notes.Add("live");
        }
        return notes.Count == 0 ? "" : $" ({string.Join(", ", notes)})";
    }

    private string StintTitle(ClusterStint stint)
    {
        var from = stint.HandedOverFrom is { } previous
            ? $"ran it from {RelativeTimeText.Iso(stint.From)} (handed over in place from {History.Label(previous)})"
            : $"started {RelativeTimeText.Iso(stint.From)}";
        var until = (stint.HandedOverTo, stint.Until) switch
        {
            ({ } next, { } at) => $", until handed over in place to {History.Label(next)} at {RelativeTimeText.Iso(at)}",
            (null, { } ended) => $", ended {RelativeTimeText.Iso(ended)}",
            _ => ", still running",
        };
        return $"Cluster {stint.Cluster.Uid}, {from}{until}";
    }

    /// <summary>"kubectl-patch at 2026-…, via Argo CD application payments": the manager, its time and the delivery tool's tracking.</summary>
    private static string ChangedByTitle(InstanceState instance)
    {
        var at = instance.ChangedAt is { } changedAt ? $" at {RelativeTimeText.Iso(changedAt)}" : "";
        var origin = string.IsNullOrEmpty(instance.ChangeOrigin) ? "" : $", via {instance.ChangeOrigin}";
        return $"Changed by {instance.ChangedBy}{at}{origin}";
    }

    internal static string ShortUid(string uid) => uid.Length <= 8 ? uid : uid[..8];
}
