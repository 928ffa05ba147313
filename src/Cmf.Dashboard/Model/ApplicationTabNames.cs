namespace Cmf.Dashboard.Model;

/// <summary>How an application page's tab is spelled in its URL.</summary>
public static class ApplicationTabNames
{
    private static readonly (ApplicationTab Tab, string Wire)[] Names =
    [
        (ApplicationTab.Timeline, "timeline"),
        (ApplicationTab.Instances, "instances"),
        (ApplicationTab.Events, "events"),
        (ApplicationTab.Spec, "spec"),
    ];

    public static string ToWire(ApplicationTab tab) => Names.First(t => t.Tab == tab).Wire;

    /// <summary>The tab a URL names; anything else is the timeline.</summary>
    public static ApplicationTab Parse(string? wire)
    {
        var lower = wire?.ToLowerInvariant();
        return Names.Any(t => t.Wire == lower) ? Names.First(t => t.Wire == lower).Tab : ApplicationTab.Timeline;
    }
}
