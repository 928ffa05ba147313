using Bunit;
using Cmf.Dashboard.Components.Controls;
using Cmf.Dashboard.Model;

namespace Cmf.UnitTests.Dashboard;

public sealed class RelativeTimeTests : DashboardTestContext
{
    [Fact]
    public void A_time_three_minutes_before_the_clock_reads_three_min_ago()
    {
        var cut = Render<RelativeTime>(p => p.Add(c => c.Value, Now.AddMinutes(-3)));

        Assert.Equal("3 min ago", cut.Find("time").TextContent);
    }

    [Fact]
    public void The_absolute_time_is_in_the_datetime_attribute_and_the_title()
    {
        var time = Render<RelativeTime>(p => p.Add(c => c.Value, Now.AddMinutes(-3))).Find("time");

        Assert.Equal("2025-03-01T11:57:00Z", time.GetAttribute("datetime"));
        Assert.Equal("2025-03-01T11:57:00Z", time.GetAttribute("title"));
    }

    [Fact]
    public void No_time_shows_the_placeholder()
    {
        var cut = Render<RelativeTime>(p => p.Add(c => c.Value, null).Add(c => c.Placeholder, "still running"));

        Assert.Empty(cut.FindAll("time"));
        Assert.Equal("still running", cut.Find(".relative-time--none").TextContent);
    }

    [Theory]
    [InlineData(-5, "just now")]
    [InlineData(-45, "45 s ago")]
    [InlineData(-3 * 60, "3 min ago")]
    [InlineData(-2 * 3600 - 59, "2 h ago")]
    [InlineData(-3 * 86400, "3 d ago")]
    [InlineData(-800 * 86400, "2 y ago")]
    [InlineData(5 * 60, "in 5 min")]
    public void Relative_text_uses_the_largest_whole_unit(int secondsFromNow, string text)
    {
        Assert.Equal(text, RelativeTimeText.Format(Now.AddSeconds(secondsFromNow), Now));
    }
}
