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

    private InstanceRole Role => InstanceRoles.Of(InstanceUid, CurrentInstanceUid, LatestInstanceUid);

    private string PendingText => string.IsNullOrWhiteSpace(ApplicationError)
        ? "pending"
        : $"pending, upgrade blocked: {Shorten(OperatorError.Summary(ApplicationError))}";

    private string PendingTitle => string.IsNullOrWhiteSpace(ApplicationError)
        ? "The latest instance; not deployed yet"
        : $"The latest instance; its upgrade is blocked: {ApplicationError}";

    private static string Shorten(string error)
    {
        var oneLine = error.ReplaceLineEndings(" ").Trim();
        return oneLine.Length <= MaxErrorLength ? oneLine : string.Concat(oneLine.AsSpan(0, MaxErrorLength), "…");
    }
}
