using System.Net;
using Cmf.UnitTests.TestSupport;

namespace Cmf.UnitTests.Hosting;

public sealed class DashboardHostTests
{
    [Fact]
    public async Task Dashboard_without_a_cluster_is_alive_and_ready()
    {
        await using var host = await DashboardHost.StartAsync();

        var health = await host.Client.GetAsync("/healthz");
        var ready = await host.Client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("127.0.0.1", host.BaseUrl.Host);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("\"ready\":true", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Application_list_page_renders_on_the_real_server()
    {
        await using var host = await DashboardHost.StartAsync();

        var page = await host.Client.GetAsync("/applications");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Applications", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
