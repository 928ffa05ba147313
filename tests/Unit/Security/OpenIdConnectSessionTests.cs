using System.Net;
using System.Net.Http.Headers;
using Cmf.UnitTests.Security.Support;
using Cmf.UnitTests.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Cmf.UnitTests.Security;

/// <summary>
/// OpenID Connect sessions end when the provider's tokens expire: the browser's at the id token's expiry (the next page
/// signs in again and so reads the claims afresh), a bearer JWT at its exp, a hub connection when its JWT expires.
/// Sign-out also ends the provider's session. One fake clock drives the dashboard and the expiry of the provider's tokens.
/// </summary>
public sealed class OpenIdConnectSessionTests
{
    private static readonly Dictionary<string, string> Viewer = new() { ["sub"] = "alice", ["name"] = "Alice", ["groups"] = "flink-viewers" };
    private static readonly Dictionary<string, string> FormerViewer = new() { ["sub"] = "alice", ["name"] = "Alice", ["groups"] = "marketing" };

    private static readonly TimeSpan JustAfter = TimeSpan.FromSeconds(1);

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    [Fact]
    public async Task A_browser_session_ends_when_the_id_token_expires()
    {
        await using var provider = await TestOpenIdProvider.StartAsync(Viewer);
        await using var host = await StartDashboardAsync(provider);
        using var browser = new SignInClient(host.BaseUrl);
        await browser.FollowAsync("/applications");

        _clock.Advance(TestOpenIdProvider.TokenLifetime - TimeSpan.FromMinutes(1));
        var before = await browser.Http.GetAsync("/applications");
        _clock.Advance(TimeSpan.FromMinutes(1) + JustAfter);
        var after = await browser.Http.GetAsync("/applications");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith(provider.Authority + "/authorize?", after.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_viewer_removed_from_the_group_loses_access_when_the_id_token_expires()
    {
        await using var provider = await TestOpenIdProvider.StartAsync(Viewer);
        await using var host = await StartDashboardAsync(provider);
        using var browser = new SignInClient(host.BaseUrl);
        var first = await browser.FollowAsync("/applications");

        provider.UserClaims = FormerViewer;
        _clock.Advance(TestOpenIdProvider.TokenLifetime + JustAfter);
        var again = await browser.FollowAsync("/applications");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, again.StatusCode);
    }

    [Fact]
    public async Task The_api_refuses_an_expired_provider_token_with_401()
    {
        await using var provider = await TestOpenIdProvider.StartAsync(Viewer);
        await using var host = await StartDashboardAsync(provider);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/cmf/api/v1/environments");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", provider.IssueToken(Viewer, lifetime: TimeSpan.FromMinutes(-10)));

        using var answer = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
    }

    [Fact]
    public async Task A_hub_connection_with_a_provider_token_closes_when_the_token_expires()
    {
        await using var provider = await TestOpenIdProvider.StartAsync(Viewer);
        await using var host = await StartDashboardAsync(provider);
        await using var hub = HubClients.WithBearer(host.BaseUrl, provider.IssueToken(Viewer));
        var closed = hub.WhenClosed();
        await hub.StartAsync();
        // The server watches the session from OnConnectedAsync, which may still be running when StartAsync returns: a
        // first call is answered only after it, so the fake clock moves on only once the session's timer is set.
        await hub.PingAsync();

        _clock.Advance(TestOpenIdProvider.TokenLifetime - TimeSpan.FromMinutes(1));
        await hub.PingAsync();
        _clock.Advance(TimeSpan.FromMinutes(1) + JustAfter);

        await closed.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(HubConnectionState.Disconnected, hub.State);
    }

    [Fact]
    public async Task Sign_out_ends_the_provider_session_too_and_comes_back_to_signed_out()
    {
        await using var provider = await TestOpenIdProvider.StartAsync(Viewer);
        await using var host = await StartDashboardAsync(provider);
        using var browser = new SignInClient(host.BaseUrl);
        await browser.FollowAsync("/applications");

        var signOut = await browser.SignOutFromAsync("/applications");
        var end = await browser.FollowAsync(signOut.Headers.Location!.ToString());
        var page = await browser.Http.GetAsync("/applications");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.StartsWith(provider.Authority + "/end-session?", signOut.Headers.Location.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, provider.SignOuts);
        Assert.Equal(HttpStatusCode.OK, end.StatusCode);
        Assert.Equal("/signed-out", end.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith(provider.Authority + "/authorize?", page.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forms_on_a_page_may_lead_to_the_identity_provider_and_nowhere_else()
    {
        await using var provider = await TestOpenIdProvider.StartAsync(Viewer);
        await using var host = await StartDashboardAsync(provider);
        using var browser = new SignInClient(host.BaseUrl);

        var page = await browser.FollowAsync("/applications");

        var policy = Assert.Single(page.Headers.GetValues("Content-Security-Policy"), p => p.Contains("form-action", StringComparison.Ordinal));
        Assert.Contains($"form-action 'self' {provider.Authority};", policy, StringComparison.Ordinal);
    }

    private Task<DashboardHost> StartDashboardAsync(TestOpenIdProvider provider)
    {
        provider.Clock = _clock;
        return DashboardHost.StartAsync(provider.DashboardSettings(), services: services => services.AddSingleton<TimeProvider>(_clock));
    }
}
