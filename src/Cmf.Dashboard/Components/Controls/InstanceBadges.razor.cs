using Cmf.Core.Tracking;
using Cmf.Dashboard.Model;
using Microsoft.AspNetCore.Components;

namespace Cmf.Dashboard.Components.Controls;

/// <summary>An instance's outcome as a badge: "current", "pending" (with the error that blocks the upgrade), "never deployed", ...</summary>
public partial class InstanceBadges
{
    /// <summary>Null draws nothing (the list knows only the latest instance's pending and current).</summary>
    [Parameter]
    public InstanceOutcome? Outcome { get; set; }

    /// <summary>The badge's markup without a component of its own, for tables that draw it per row.</summary>
    public static RenderFragment Render(InstanceOutcome? outcome) => outcome switch
    {
        null => static _ => { },
        { Kind: InstanceOutcomeKind.Current } => Badge("instance-badge--current", outcome),
        { Kind: InstanceOutcomeKind.Pending } => Badge("instance-badge--pending", outcome),
        { Kind: InstanceOutcomeKind.UpgradeBlocked } => Badge("instance-badge--pending instance-badge--blocked", outcome),
        _ => Badge("instance-badge--past", outcome),
    };
}
