using Cmf.Dashboard.Model;
using Bunit;
using Cmf.Dashboard;
using Cmf.Dashboard.Components.Pages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Cmf.UnitTests.Dashboard;

/// <summary>An open page whose data does not change still moves on with the clock.</summary>
public sealed class ClockTicksTests : PageTestContext
{
    private readonly FakeTimeProvider _clock = new(PageNow);

    public ClockTicksTests() => Services.AddSingleton<TimeProvider>(_clock);

    [Fact]
    public async Task The_log_link_of_a_live_instance_reaches_the_new_now_after_a_clock_interval()
    {
        CmfOptions.Logging.LinkTemplate = "https://logs.example/?to={to}";
        var app = Seed();
        await app.DeployedAndRunningAsync();
        var uid = app.InstanceUid(1);
        var cut = RenderApplicationPage<InstanceDetail>(app.Key, $"/instances/{uid}", p => p.Add(c => c.Uid, uid));

        _clock.Advance(ClockTicks.Interval);

        var later = Uri.EscapeDataString(UtcTimeText.Of(PageNow + ClockTicks.Interval));
        cut.WaitForAssertion(() => Assert.Equal($"https://logs.example/?to={later}", cut.Find("a.log-correlation__link").GetAttribute("href")), LiveTimeout);
    }
}
