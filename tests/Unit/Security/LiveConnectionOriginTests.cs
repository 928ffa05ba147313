using System.Net;
using Cmf.Dashboard.Hubs;
using Cmf.UnitTests.Security.Support;
using Cmf.UnitTests.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;

namespace Cmf.UnitTests.Security;

/// <summary>
/// Cross-site WebSocket hijacking: a page on another site opens the status hub or Blazor's circuit as the viewer's
/// browser would (no negotiate, the page's Origin, the viewer's cookie). Only the dashboard's own origin and
/// Cmf:Security:AllowedOrigins get through; programs, which send no Origin, still connect.
/// </summary>
public sealed class LiveConnectionOriginTests
{
    private const string Evil = "https://evil.example";

    public static readonly TheoryData<string> LiveEndpoints = [StatusHub.Path, "/_blazor"];

    [Theory]
    [InlineData("/hubs/status", Evil)]
    [InlineData("/_blazor", Evil)]
    [InlineData("/hubs/status", "null")]
    [InlineData("/hubs/status", "http://127.0.0.1.evil.example")]
    [InlineData("/_blazor", "http://127.0.0.1:1")]
    public async Task A_websocket_from_a_foreign_page_is_refused_with_403(string path, string origin)
    {
        await using var host = await DashboardHost.StartAsync();

        var socket = await PageSocket.OpenAsync(host.BaseUrl, path, origin);

        Assert.Equal(HttpStatusCode.Forbidden, socket.Status);
    }

    [Theory]
    [MemberData(nameof(LiveEndpoints))]
    public async Task A_websocket_from_the_dashboards_own_origin_is_accepted(string path)
    {
        await using var host = await DashboardHost.StartAsync();

        var socket = await PageSocket.OpenAsync(host.BaseUrl, path, host.Origin);

        Assert.Equal(PageSocket.HandshakeAccepted, socket.Handshake);
    }

    [Theory]
    [MemberData(nameof(LiveEndpoints))]
    public async Task A_websocket_from_an_allow_listed_origin_is_accepted(string path)
    {
        await using var host = await DashboardHost.StartAsync(new Dictionary<string, string?> { ["Cmf:Security:AllowedOrigins:0"] = "https://tools.example.com" });

        var socket = await PageSocket.OpenAsync(host.BaseUrl, path, "https://tools.example.com");

        Assert.Equal(PageSocket.HandshakeAccepted, socket.Handshake);
    }

    [Fact]
    public async Task A_portal_allowed_to_frame_the_dashboard_may_not_open_its_live_connections()
    {
        await using var host = await DashboardHost.StartAsync(new Dictionary<string, string?> { ["Cmf:Embedding:FrameAncestors:0"] = "https://portal.example.com" });

        var socket = await PageSocket.OpenAsync(host.BaseUrl, StatusHub.Path, "https://portal.example.com");

        Assert.Equal(HttpStatusCode.Forbidden, socket.Status);
    }

    [Theory]
    [InlineData("POST", "/hubs/status/negotiate?negotiateVersion=1")]
    [InlineData("POST", "/_blazor/negotiate?negotiateVersion=1")]
    [InlineData("GET", "/hubs/status?id=0123456789abcdef")]
    [InlineData("POST", "/hubs/status?id=0123456789abcdef")]
    public async Task A_negotiate_or_polling_request_from_a_foreign_page_is_refused_with_403_and_the_setting_to_change(string method, string path)
    {
        await using var host = await DashboardHost.StartAsync();

        using var answer = await SendAsync(host, method, path, Evil);

        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
        Assert.Contains("Cmf:Security:AllowedOrigins", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(LiveEndpoints))]
    public async Task A_negotiate_from_the_dashboards_own_origin_is_answered(string path)
    {
        await using var host = await DashboardHost.StartAsync();

        using var answer = await SendAsync(host, "POST", path + "/negotiate?negotiateVersion=1", host.Origin);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    [Fact]
    public async Task A_program_sending_no_origin_connects_to_the_hub()
    {
        await using var host = await DashboardHost.StartAsync();
        await using var connection = new HubConnectionBuilder().WithUrl(new Uri(host.BaseUrl, StatusHub.Path)).Build();

        await connection.StartAsync();

        Assert.Equal(HubConnectionState.Connected, connection.State);
    }

    [Fact]
    public async Task A_signed_in_viewers_cookie_does_not_open_the_hub_for_a_foreign_page()
    {
        await using var host = await StartTokenModeAsync();
        using var browser = await SignedInBrowserAsync(host);

        var socket = await PageSocket.OpenAsync(host.BaseUrl, StatusHub.Path, Evil, browser.Cookies);

        Assert.Equal(HttpStatusCode.Forbidden, socket.Status);
    }

    [Fact]
    public async Task A_signed_in_viewers_cookie_opens_the_hub_for_the_dashboards_own_page()
    {
        await using var host = await StartTokenModeAsync();
        using var browser = await SignedInBrowserAsync(host);

        var socket = await PageSocket.OpenAsync(host.BaseUrl, StatusHub.Path, host.Origin, browser.Cookies);

        Assert.Equal(PageSocket.HandshakeAccepted, socket.Handshake);
    }

    private static Task<DashboardHost> StartTokenModeAsync() => DashboardHost.StartAsync(TokenMode.Settings());

    private static async Task<SignInClient> SignedInBrowserAsync(DashboardHost host)
    {
        var browser = new SignInClient(host.BaseUrl);
        var login = await browser.SignInAsync(TokenMode.Token);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return browser;
    }

    private static async Task<HttpResponseMessage> SendAsync(DashboardHost host, string method, string path, string origin)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Add("Origin", origin);
        return await host.Client.SendAsync(request);
    }
}
