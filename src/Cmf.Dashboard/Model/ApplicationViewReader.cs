namespace Cmf.Dashboard.Model;

/// <summary>An application page's tab and time window from its query parameters; a range wins over a window.</summary>
public static class ApplicationViewReader
{
    public static ApplicationView Read(string? tab, string? from, string? to, string? window)
    {
        var timeline = TimelineWindow.Fit;
        if (UtcTimeText.TryParse(from, out var start) && UtcTimeText.TryParse(to, out var end) && end > start)
        {
            timeline = TimelineWindow.Range(new TimelineRange(start, end));
        }
        else if (DurationText.TryParse(window, out var last))
        {
            timeline = TimelineWindow.LastDuration(last);
        }
        return new ApplicationView(ApplicationTabNames.Parse(tab), timeline);
    }
}
