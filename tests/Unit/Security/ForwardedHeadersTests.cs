using System.Net;
using Cmf.UnitTests.Security.Support;
using Cmf.UnitTests.TestSupport;

namespace Cmf.UnitTests.Security;

/// <summary>
/// Behind a TLS-terminating ingress the dashboard sees plain http from the ingress. X-Forwarded-Proto/-Host/-For are
/// believed only from Cmf:ForwardedHeaders's proxies. The tests' client is on 127.0.0.1, so listing 127.0.0.1 makes it
/// the known proxy, and listing another address makes it an unknown one.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private const string UnknownProxy = "10.9.9.9";

    [Fact]
    public async Task Behind_a_known_proxy_an_https_request_gets_hsts()
    {
        await using var host = await StartAsync(knownProxy: "127.0.0.1");

        using var answer = await GetAsync(host, "/healthz", Https("dashboard.example.com"));

        Assert.Equal("max-age=31536000", Assert.Single(answer.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task Behind_a_known_proxy_a_plain_http_request_gets_no_hsts()
    {
        await using var host = await StartAsync(knownProxy: "127.0.0.1");

        using var answer = await GetAsync(host, "/healthz", new() { ["X-Forwarded-Proto"] = "http", ["X-Forwarded-Host"] = "dashboard.example.com" });

        Assert.False(answer.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task An_https_request_for_a_loopback_name_gets_no_hsts()
    {
        await using var host = await StartAsync(knownProxy: "127.0.0.1");

        using var answer = await GetAsync(host, "/healthz", Https("localhost"));

        Assert.False(answer.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Forwarded_headers_from_an_unknown_proxy_are_ignored()
    {
        await using var host = await StartAsync(knownProxy: UnknownProxy);

        using var answer = await GetAsync(host, "/healthz", Https("dashboard.example.com"));

        Assert.False(answer.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Without_known_proxies_forwarded_headers_are_ignored_even_from_loopback()
    {
        await using var host = await StartAsync(knownProxy: null);

        using var answer = await GetAsync(host, "/healthz", Https("dashboard.example.com"));

        Assert.False(answer.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Behind_a_known_proxy_the_sign_in_cookie_is_secure_over_https()
    {
        await using var host = await StartAsync(knownProxy: "127.0.0.1");

        using var login = await SignInAsync(host, Https("dashboard.example.com"));

        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".Cmf.Dashboard.SignIn=", StringComparison.Ordinal));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_unknown_proxy_cannot_make_the_sign_in_cookie_look_secure()
    {
        await using var host = await StartAsync(knownProxy: UnknownProxy);

        using var login = await SignInAsync(host, Https("dashboard.example.com"));

        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".Cmf.Dashboard.SignIn=", StringComparison.Ordinal));
        Assert.DoesNotContain("; secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Behind_a_known_proxy_the_identity_provider_is_given_the_public_https_address()
    {
        await using var provider = await TestOpenIdProvider.StartAsync(new Dictionary<string, string> { ["sub"] = "alice" });
        await using var host = await DashboardHost.StartAsync(new Dictionary<string, string?>
        {
            ["Cmf:Auth:Mode"] = "OpenIdConnect",
            ["Cmf:Auth:OpenIdConnect:Authority"] = provider.Authority,
            ["Cmf:Auth:OpenIdConnect:ClientId"] = TestOpenIdProvider.ClientId,
            ["Cmf:Auth:OpenIdConnect:RequireHttpsMetadata"] = "false",
            ["Cmf:ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
        });

        using var challenge = await GetAsync(host, "/applications", Https("dashboard.example.com"));

        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        Assert.Contains("redirect_uri=" + Uri.EscapeDataString("https://dashboard.example.com/signin-oidc"), challenge.Headers.Location!.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Behind_a_known_proxy_the_public_https_origin_is_the_dashboards_own()
    {
        await using var host = await StartAsync(knownProxy: "127.0.0.1", unsecuredWithHost: "dashboard.example.com");

        var socket = await PageSocket.OpenAsync(host.BaseUrl, "/hubs/status", "https://dashboard.example.com", headers: Https("dashboard.example.com"));

        Assert.Equal(PageSocket.HandshakeAccepted, socket.Handshake);
    }

    [Fact]
    public async Task An_unknown_proxy_cannot_make_a_foreign_origin_the_dashboards_own()
    {
        await using var host = await StartAsync(knownProxy: UnknownProxy, unsecuredWithHost: "dashboard.example.com");

        var socket = await PageSocket.OpenAsync(host.BaseUrl, "/hubs/status", "https://dashboard.example.com", headers: Https("dashboard.example.com"));

        Assert.Equal(HttpStatusCode.Forbidden, socket.Status);
    }

    /// <summary>What a TLS-terminating ingress adds to a browser's request for https://{host}/.</summary>
    private static Dictionary<string, string> Https(string host) => new()
    {
        ["X-Forwarded-Proto"] = "https",
        ["X-Forwarded-Host"] = host,
        ["X-Forwarded-For"] = "203.0.113.7",
    };

    /// <summary>Token mode (any host name), or Unsecured mode answering <paramref name="unsecuredWithHost"/> too.</summary>
    private static Task<DashboardHost> StartAsync(string? knownProxy, string? unsecuredWithHost = null)
    {
        var settings = unsecuredWithHost is null
            ? TokenMode.Settings()
            : new Dictionary<string, string?> { ["Cmf:Security:AllowedHosts:0"] = unsecuredWithHost };
        if (knownProxy is not null)
        {
            settings["Cmf:ForwardedHeaders:KnownProxies:0"] = knownProxy;
        }
        return DashboardHost.StartAsync(settings);
    }

    /// <summary>One hop, redirects not followed, as the proxy passes it on.</summary>
    private static Task<HttpResponseMessage> GetAsync(DashboardHost host, string path, Dictionary<string, string> headers) =>
        SendAsync(host, new HttpRequestMessage(HttpMethod.Get, path), headers);

    /// <summary>The sign-in form posted through the proxy.</summary>
    private static Task<HttpResponseMessage> SignInAsync(DashboardHost host, Dictionary<string, string> headers) =>
        SendAsync(host, new HttpRequestMessage(HttpMethod.Post, "/login") { Content = SignInClient.SignInForm(TokenMode.Token) }, headers);

    private static async Task<HttpResponseMessage> SendAsync(DashboardHost host, HttpRequestMessage request, Dictionary<string, string> headers)
    {
        using var browser = new SignInClient(host.BaseUrl);
        using (request)
        {
            foreach (var (name, value) in headers)
            {
                request.Headers.Add(name, value);
            }
            return await browser.Http.SendAsync(request);
        }
    }
}
