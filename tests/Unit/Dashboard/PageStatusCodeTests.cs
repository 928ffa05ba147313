using System.Net;
using Cmf.Core.Model;
using Cmf.Core.Tracking;
using Cmf.UnitTests.TestSupport;

namespace Cmf.UnitTests.Dashboard;

/// <summary>
/// Alerts and portals act on the status of the first HTTP response (DESIGN 8): the real app on Kestrel, prerendering on,
/// asked by a client that does not follow redirects.
/// </summary>
public sealed class PageStatusCodeTests(PageStatusCodeTests.SeededDashboard dashboard) : IClassFixture<PageStatusCodeTests.SeededDashboard>
{
    private const string UnknownUid = "11111111-2222-3333-4444-555555555555";

    private Task<HttpResponseMessage> GetAsync(string path) => dashboard.Client.GetAsync(path);

    [Fact]
    public async Task A_known_uid_redirects_to_its_instance_page()
    {
        var response = await GetAsync($"/instances/{dashboard.Retained}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/environments/prod/applications/orders/instances/{dashboard.Retained}", response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task An_unknown_uid_answers_404()
    {
        var response = await GetAsync($"/instances/{UnknownUid}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Instance not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pruned_uid_answers_410()
    {
        var response = await GetAsync($"/instances/{dashboard.Pruned}");

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("Instance #2 was pruned", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pruned_uid_on_the_instance_route_answers_410()
    {
        var response = await GetAsync($"/environments/prod/applications/orders/instances/{dashboard.Pruned}");

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
    }

    [Theory]
    [InlineData("/environments/prod/applications/ghost")]
    [InlineData("/environments/nowhere/applications/orders")]
    [InlineData("/environments/prod/applications/ghost/instances/" + UnknownUid)]
    [InlineData("/environments/prod/applications/orders/instances/" + UnknownUid)]
    [InlineData("/environments/prod/applications/ghost/diff")]
    [InlineData("/environments/prod/applications/orders/diff?from=" + UnknownUid)]
    [InlineData("/no/such/page")]
    public async Task Addresses_of_nothing_answer_404(string path)
    {
        var response = await GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/applications?environment=prod&sort=last-change&desc=1")]
    [InlineData("/environments")]
    [InlineData("/environments/prod/applications/orders")]
    [InlineData("/environments/prod/applications/orders?tab=instances")]
    [InlineData("/environments/prod/applications/orders?tab=events")]
    [InlineData("/environments/prod/applications/orders?tab=spec")]
    [InlineData("/environments/prod/applications/orders/diff")]
    public async Task Pages_of_what_exists_answer_200(string path)
    {
        var response = await GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_instance_page_answers_200()
    {
        var response = await GetAsync($"/environments/prod/applications/orders/instances/{dashboard.Retained}?embed=1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>One dashboard for the class: prod/orders keeps two instances (#1 current, #3 latest); #2 was pruned.</summary>
    public sealed class SeededDashboard : IAsyncLifetime
    {
        private DashboardHost? _host;

        public HttpClient Client { get; private set; } = null!;

        public string Retained { get; private set; } = "";

        public string Pruned { get; private set; } = "";

        public async Task InitializeAsync()
        {
            _host = await DashboardHost.StartAsync();
            Client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _host.BaseUrl };
            var app = new SeededApplication(_host.Store, new ApplicationKey("prod", "orders"), "flink-prod", new TrackerSettings(MaxInstancesPerApplication: 2));
            await app.DeployedAndRunningAsync();
            Retained = app.InstanceUid(1);
            await app.SpecAsync("v2");
            Pruned = app.InstanceUid(2);
            await app.SpecAsync("v3");
        }

        public async Task DisposeAsync()
        {
            Client.Dispose();
            if (_host is not null)
            {
                await _host.DisposeAsync();
            }
        }
    }
}
