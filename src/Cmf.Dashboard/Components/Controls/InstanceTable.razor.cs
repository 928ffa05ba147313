using Cmf.Dashboard.Model;
using Microsoft.AspNetCore.Components;

namespace Cmf.Dashboard.Components.Controls;

/// <summary>An application's instances: number, UID, lifetime, job state, current/pending role, clusters, diff with the one before.</summary>
public partial class InstanceTable
{
    [Parameter, EditorRequired]
    public required string Environment { get; set; }

    [Parameter, EditorRequired]
    public required string Application { get; set; }

    [Parameter, EditorRequired]
    public required IReadOnlyList<InstanceRow> Rows { get; set; }

    [Parameter]
    public string? CurrentInstanceUid { get; set; }

    [Parameter]
    public string? LatestInstanceUid { get; set; }

    /// <summary>The application's error: it is what blocks a pending instance.</summary>
    [Parameter]
    public string? ApplicationError { get; set; }

    private string InstanceHref(string uid) => DashboardUrls.InstanceUrl(Environment, Application, uid);

    private string DiffHref(string fromUid, string toUid) => DashboardUrls.DiffUrl(Environment, Application, fromUid, toUid);

    private static string ClusterTitle(ClusterSummary cluster) =>
        $"Cluster {cluster.Uid}, started {RelativeTimeText.Iso(cluster.StartedAt)}" +
        (cluster.EndedAt is { } ended ? $", ended {RelativeTimeText.Iso(ended)}" : ", still running");

    internal static string ShortUid(string uid) => uid.Length <= 8 ? uid : uid[..8];
}
