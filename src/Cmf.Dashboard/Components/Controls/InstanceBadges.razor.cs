using Cmf.Dashboard.Model;
using Microsoft.AspNetCore.Components;

namespace Cmf.Dashboard.Components.Controls;

/// <summary>"current" and "pending" (with the error that blocks the upgrade) for one instance.</summary>
public partial class InstanceBadges
{
    /// <summary>Long operator errors are cut in the badge (a JSON error to its message); the title keeps the whole text.</summary>
    public const int MaxErrorLength = 160;

    [Parameter, EditorRequired]
    public required string InstanceUid { get; set; }

    [Parameter]
    public string? CurrentInstanceUid { get; set; }

    [Parameter]
    public string? LatestInstanceUid { get; set; }

    /// <summary>The application's <c>status.error</c>: while set, the pending upgrade is blocked by it.</summary>
    [Parameter]
    public string? ApplicationError { get; set; }

    /// <summary>The badges' markup without a component of their own, for tables that draw them per row.</summary>
    public static RenderFragment Render(string instanceUid, string? currentInstanceUid, string? latestInstanceUid, string? applicationError) =>
        InstanceRoles.Of(instanceUid, currentInstanceUid, latestInstanceUid) switch
        {
            InstanceRole.Current => Badge("instance-badge--current", "current", "This instance owns the live cluster"),
            InstanceRole.Pending => Badge("instance-badge--pending", PendingText(applicationError), PendingTitle(applicationError)),
            _ => static _ => { },
        };

    private static string PendingText(string? applicationError) => string.IsNullOrWhiteSpace(applicationError)
        ? "pending"
        : $"pending, upgrade blocked: {Shorten(OperatorError.Summary(applicationError))}";

    private static string PendingTitle(string? applicationError) => string.IsNullOrWhiteSpace(applicationError)
        ? "The latest instance; not deployed yet"
        : $"The latest instance; its upgrade is blocked: {applicationError}";

    private static string Shorten(string error)
    {
        var oneLine = error.ReplaceLineEndings(" ").Trim();
        return oneLine.Length <= MaxErrorLength ? oneLine : string.Concat(oneLine.AsSpan(0, MaxErrorLength), "…");
    }
}
