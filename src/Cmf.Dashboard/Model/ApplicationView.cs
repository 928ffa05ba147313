namespace Cmf.Dashboard.Model;

/// <summary>What an application's page shows, as read from its query string.</summary>
public sealed record ApplicationView(ApplicationTab Tab, TimelineWindow Window)
{
    public static ApplicationView Default { get; } = new(ApplicationTab.Timeline, TimelineWindow.Fit);
}
