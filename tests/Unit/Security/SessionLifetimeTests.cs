using System.Net;
using Cmf.UnitTests.Security.Support;
using Cmf.UnitTests.TestSupport;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Cmf.UnitTests.Security;

/// <summary>
/// Token mode sessions end: at Cmf:Auth:SessionHours however busy, and as soon as the access token changes (reload or
/// restart). The attacks are a cookie kept alive by its sliding expiration and a cookie issued for a revoked token.
/// Time is a fake clock shared by the dashboard's cookie handler and session rules.
/// </summary>
public sealed class SessionLifetimeTests : IAsyncLifetime
{
    private const string Token = "first-access-token-q8RZ0vN3xWb5Lk2T";
    private const string NextToken = "second-access-token-Hc7Jm1Pd4Fg6Se9U";

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly TempDirectory _keys = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        _keys.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_session_kept_alive_by_use_still_ends_after_session_hours()
    {
        await using var host = await StartAsync(Token, sessionHours: 12);
        using var browser = new SignInClient(host.BaseUrl);
        await browser.SignInAsync(Token);

        _clock.Advance(TimeSpan.FromHours(7));
        var renewed = await browser.Http.GetAsync("/applications");
        _clock.Advance(TimeSpan.FromHours(6));
        var ended = await browser.Http.GetAsync("/applications");

        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        Assert.Contains(renewed.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".Cmf.Dashboard.SignIn=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Equal("/login", ended.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task An_ended_session_is_refused_by_the_api_and_its_cookie_deleted()
    {
        await using var host = await StartAsync(Token, sessionHours: 2);
        using var browser = new SignInClient(host.BaseUrl);
        await browser.SignInAsync(Token);

        _clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromSeconds(1));
        var api = await browser.Http.GetAsync("/cmf/api/v1/environments");

        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Contains(api.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".Cmf.Dashboard.SignIn=;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_cookie_issued_for_the_old_token_is_refused_after_a_restart_with_a_new_one()
    {
        string cookie;
        await using (var first = await StartAsync(Token))
        {
            using var browser = new SignInClient(first.BaseUrl);
            await browser.SignInAsync(Token);
            cookie = browser.SignInCookie();
        }
        HttpStatusCode kept;
        await using (var sameToken = await StartAsync(Token))
        {
            kept = await SignInClient.ReplayAsync(sameToken.Client, cookie);
        }

        await using var rotated = await StartAsync(NextToken);
        var refused = await SignInClient.ReplayAsync(rotated.Client, cookie);

        Assert.Equal(HttpStatusCode.OK, kept);
        Assert.Equal(HttpStatusCode.Unauthorized, refused);
    }

    [Fact]
    public async Task A_cookie_is_refused_once_a_configuration_reload_changes_the_token()
    {
        await using var host = await StartAsync(Token);
        using var browser = new SignInClient(host.BaseUrl);
        await browser.SignInAsync(Token);
        var before = await browser.Http.GetAsync("/cmf/api/v1/environments");

        Rotate(host, NextToken);
        var after = await browser.Http.GetAsync("/cmf/api/v1/environments");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(NextToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync("/cmf/api/v1/environments")).StatusCode);
    }

    [Fact]
    public async Task A_hub_connection_signed_in_by_cookie_is_closed_when_its_session_reaches_session_hours()
    {
        await using var host = await StartAsync(Token, sessionHours: 4);
        using var browser = new SignInClient(host.BaseUrl);
        await browser.SignInAsync(Token);
        await using var hub = HubClients.WithCookies(host.BaseUrl, browser.Cookies);
        var closed = hub.WhenClosed();
        await hub.StartAsync();
        // The server watches the session from OnConnectedAsync, which may still be running when StartAsync returns: a
        // first call is answered only after it, so the fake clock moves on only once the session's timer is set.
        await hub.PingAsync();

        _clock.Advance(TimeSpan.FromHours(3));
        await hub.PingAsync();
        _clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));

        await closed.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(HubConnectionState.Disconnected, hub.State);
    }

    [Fact]
    public async Task A_hub_connection_with_the_bearer_token_is_closed_when_the_token_changes()
    {
        await using var host = await StartAsync(Token);
        await using var hub = HubClients.WithBearer(host.BaseUrl, Token);
        var closed = hub.WhenClosed();
        await hub.StartAsync();

        Rotate(host, NextToken);

        await closed.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(HubConnectionState.Disconnected, hub.State);
    }

    [Fact]
    public async Task A_weak_token_refuses_to_start_with_a_message_naming_the_key()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => DashboardHost.StartAsync(TokenMode.Settings("changeme-changeme-changeme")));

        Assert.Contains("Cmf:Auth:Token is too weak", failure.Message, StringComparison.Ordinal);
        Assert.Contains("openssl rand -base64 32", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_hours_outside_one_to_720_refuse_to_start()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => DashboardHost.StartAsync(TokenMode.Settings(Token, sessionHours: 0)));

        Assert.Contains("Cmf:Auth:SessionHours must be between 1 and 720", failure.Message, StringComparison.Ordinal);
    }

    private Task<DashboardHost> StartAsync(string token, int sessionHours = 12) => DashboardHost.StartAsync(
        TokenMode.Settings(token, sessionHours),
        services: services =>
        {
            services.AddSingleton<TimeProvider>(_clock);
            // The same keys across restarts, as a deployment keeps them: only the token decides whether a cookie stands.
            services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(_keys.Path)).SetApplicationName("cmf-session-tests");
        });

    private static void Rotate(DashboardHost host, string token)
    {
        var configuration = (IConfigurationRoot)host.Services.GetRequiredService<IConfiguration>();
        configuration["Cmf:Auth:Token"] = token;
        configuration.Reload();
    }
}
