using System.Net;
using Cmf.UnitTests.Security.Support;
using Cmf.UnitTests.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;

namespace Cmf.UnitTests.Security;

/// <summary>
/// Token mode sign-out from the layout's form: the cookie goes, a copy of it stops working, the session's hub
/// connections close, and a form without its antiforgery token signs nobody out.
/// </summary>
public sealed class SignOutTests : IAsyncLifetime
{
    private DashboardHost _host = null!;

    public async Task InitializeAsync() => _host = await DashboardHost.StartAsync(TokenMode.Settings());

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_layout_offers_sign_out_while_signed_in()
    {
        using var browser = new SignInClient(_host.BaseUrl);
        await browser.SignInAsync(TokenMode.Token);

        var page = await browser.TextAsync("/applications");

        Assert.Contains("action=\"/logout\"", page, StringComparison.Ordinal);
        Assert.Contains("__RequestVerificationToken", page, StringComparison.Ordinal);
        Assert.Contains("Sign out", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_deletes_the_cookie_and_the_next_page_asks_for_sign_in()
    {
        using var browser = new SignInClient(_host.BaseUrl);
        await browser.SignInAsync(TokenMode.Token);

        var signOut = await browser.SignOutFromAsync("/applications");
        var signedOut = await browser.Http.GetAsync(signOut.Headers.Location);
        var page = await browser.Http.GetAsync("/applications");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal("/signed-out", signOut.Headers.Location!.OriginalString);
        Assert.Contains(signOut.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".Cmf.Dashboard.SignIn=;", StringComparison.Ordinal));
        Assert.Contains("You are signed out", await signedOut.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/login", page.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task A_copy_of_the_cookie_stops_working_after_sign_out()
    {
        using var browser = new SignInClient(_host.BaseUrl);
        await browser.SignInAsync(TokenMode.Token);
        var copy = browser.SignInCookie();

        await browser.SignOutFromAsync("/applications");
        var replay = await SignInClient.ReplayAsync(_host.Client, copy);

        Assert.Equal(HttpStatusCode.Unauthorized, replay);
    }

    [Fact]
    public async Task Sign_out_without_the_antiforgery_token_is_refused_and_the_session_goes_on()
    {
        using var browser = new SignInClient(_host.BaseUrl);
        await browser.SignInAsync(TokenMode.Token);

        var forged = await browser.Http.PostAsync("/logout", new FormUrlEncodedContent(new Dictionary<string, string>()));
        var page = await browser.Http.GetAsync("/applications");

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.False(forged.Headers.Contains("Set-Cookie"));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task A_hub_connection_of_the_session_closes_when_it_signs_out()
    {
        using var browser = new SignInClient(_host.BaseUrl);
        await browser.SignInAsync(TokenMode.Token);
        await using var hub = HubClients.WithCookies(_host.BaseUrl, browser.Cookies);
        var closed = hub.WhenClosed();
        await hub.StartAsync();

        await browser.SignOutFromAsync("/applications");

        await closed.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(HubConnectionState.Disconnected, hub.State);
    }
}
