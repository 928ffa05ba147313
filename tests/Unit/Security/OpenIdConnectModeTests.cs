using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Cmf.Dashboard.Hubs;
using Cmf.Dashboard.Security;
using Cmf.UnitTests.Security.Support;
using Cmf.UnitTests.TestSupport;

namespace Cmf.UnitTests.Security;

/// <summary>
/// OpenID Connect against an in-process provider: the real handlers challenge, exchange the code, validate the signed
/// id_token and set the cookie; viewers must carry groups=flink-viewers; the API takes the provider's JWTs.
/// </summary>
public sealed class OpenIdConnectModeTests
{
    private static readonly Dictionary<string, string> Viewer = new() { ["sub"] = "alice", ["name"] = "Alice", ["groups"] = "flink-viewers" };
    private static readonly Dictionary<string, string> Outsider = new() { ["sub"] = "mallory", ["name"] = "Mallory", ["groups"] = "marketing" };

    [Fact]
    public async Task A_page_sends_the_browser_to_the_identity_provider_with_pkce()
    {
        await using var provider = await TestOpenIdProvider.StartAsync(Viewer);
        await using var host = await StartDashboardAsync(provider);
        using var browser = new SignInClient(host.BaseUrl);

        var page = await browser.Http.GetAsync("/applications");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        var location = page.Headers.Location!.ToString();
        Assert.StartsWith(provider.Authority + "/authorize?", location, StringComparison.Ordinal);
        Assert.Contains("code_challenge_method=S256", location, StringComparison.Ordinal);
        Assert.DoesNotContain("response_mode=form_post", location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_viewer_with_the_required_claim_signs_in_and_sees_the_page()
    {
        await using var provider = await TestOpenIdProvider.StartAsync(Viewer);
        await using var host = await StartDashboardAsync(provider);
        using var browser = new SignInClient(host.BaseUrl);

        var page = await browser.FollowAsync("/applications");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(host.BaseUrl.Authority, page.RequestMessage!.RequestUri!.Authority);
        Assert.Equal("/applications", page.RequestMessage.RequestUri.AbsolutePath);
    }

    [Fact]
    public async Task A_user_without_the_required_claim_signs_in_but_is_refused_with_403()
    {
        await using var provider = await TestOpenIdProvider.StartAsync(Outsider);
        await using var host = await StartDashboardAsync(provider);
        using var browser = new SignInClient(host.BaseUrl);

        var page = await browser.FollowAsync("/applications");

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("lacks the claim", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_accepts_a_token_of_the_provider_carrying_the_claim()
    {
        await using var provider = await TestOpenIdProvider.StartAsync(Viewer);
        await using var host = await StartDashboardAsync(provider);

        var status = await ApiStatusAsync(host, provider.IssueToken(Viewer));

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task The_api_refuses_a_token_without_the_claim_with_403()
    {
        await using var provider = await TestOpenIdProvider.StartAsync(Viewer);
        await using var host = await StartDashboardAsync(provider);

        var status = await ApiStatusAsync(host, provider.IssueToken(Outsider));

        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Fact]
    public async Task The_api_refuses_a_token_signed_by_another_key_with_401()
    {
        await using var provider = await TestOpenIdProvider.StartAsync(Viewer);
        await using var host = await StartDashboardAsync(provider);
        using var forger = RSA.Create(2048);

        var status = await ApiStatusAsync(host, provider.IssueToken(Viewer, signingKey: forger));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task The_api_refuses_a_token_for_another_audience_with_401()
    {
        await using var provider = await TestOpenIdProvider.StartAsync(Viewer);
        await using var host = await StartDashboardAsync(provider);

        var status = await ApiStatusAsync(host, provider.IssueToken(Viewer, audience: "another-client"));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task The_api_without_a_token_is_401_and_never_a_redirect()
    {
        await using var provider = await TestOpenIdProvider.StartAsync(Viewer);
        await using var host = await StartDashboardAsync(provider);
        using var browser = new SignInClient(host.BaseUrl);

        var answer = await browser.Http.GetAsync("/cmf/api/v1/environments");

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
    }

    [Fact]
    public async Task The_hub_takes_a_browsers_token_from_the_access_token_query()
    {
        await using var provider = await TestOpenIdProvider.StartAsync(Viewer);
        await using var host = await StartDashboardAsync(provider);
        var query = $"?{BearerTokens.HubQueryParameter}={Uri.EscapeDataString(provider.IssueToken(Viewer))}";

        var socket = await PageSocket.OpenAsync(host.BaseUrl, StatusHub.Path + query, host.Origin);

        Assert.Equal(PageSocket.HandshakeAccepted, socket.Handshake);
    }

    [Fact]
    public async Task The_hub_refuses_a_browser_without_a_token_with_401()
    {
        await using var provider = await TestOpenIdProvider.StartAsync(Viewer);
        await using var host = await StartDashboardAsync(provider);

        var socket = await PageSocket.OpenAsync(host.BaseUrl, StatusHub.Path, host.Origin);

        Assert.Equal(HttpStatusCode.Unauthorized, socket.Status);
    }

    [Fact]
    public async Task The_api_does_not_take_a_token_from_the_query()
    {
        await using var provider = await TestOpenIdProvider.StartAsync(Viewer);
        await using var host = await StartDashboardAsync(provider);
        using var browser = new SignInClient(host.BaseUrl);

        var answer = await browser.Http.GetAsync($"/cmf/api/v1/environments?{BearerTokens.HubQueryParameter}={Uri.EscapeDataString(provider.IssueToken(Viewer))}");

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
    }

    private static Task<DashboardHost> StartDashboardAsync(TestOpenIdProvider provider) => DashboardHost.StartAsync(provider.DashboardSettings());

    private static async Task<HttpStatusCode> ApiStatusAsync(DashboardHost host, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/cmf/api/v1/environments");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await host.Client.SendAsync(request);
        return response.StatusCode;
    }
}
