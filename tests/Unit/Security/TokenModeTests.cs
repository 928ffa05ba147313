using System.Net;
using System.Net.Http.Headers;
using Cmf.UnitTests.Api.Support;
using Cmf.UnitTests.Security.Support;
using Cmf.UnitTests.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;

namespace Cmf.UnitTests.Security;

/// <summary>Token mode: machines send the token as a bearer; browsers trade it once at /login for a cookie.</summary>
public sealed class TokenModeTests : IAsyncLifetime
{
    private const string Token = TokenMode.Token;

    private DashboardHost _host = null!;

    public async Task InitializeAsync() => _host = await DashboardHost.StartAsync(TokenMode.Settings());

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_api_without_a_token_is_401_with_a_bearer_challenge_and_the_error_envelope()
    {
        var answer = await _host.Client.GetApiAsync("/cmf/api/v1/environments");

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal("Bearer", answer.Response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Empty(await CmfContract.Reference.ValidateAsync("RestError", answer.Body));
    }

    [Fact]
    public async Task The_api_with_a_wrong_token_is_401()
    {
        var status = await StatusWithBearerAsync("/cmf/api/v1/environments", Token + "x");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Theory]
    [InlineData("/cmf/api/v1/environments")]
    [InlineData("/api/v1/environments/prod/applications/orders/clusters")]
    [InlineData("/api/v1/openapi.json")]
    public async Task The_api_with_the_token_answers(string path)
    {
        var status = await StatusWithBearerAsync(path, Token);

        Assert.NotEqual(HttpStatusCode.Unauthorized, status);
        Assert.NotEqual(HttpStatusCode.Forbidden, status);
    }

    [Theory]
    [InlineData("/applications")]
    [InlineData("/applications?embed=1")]
    public async Task A_page_without_sign_in_redirects_to_login_with_the_way_back(string path)
    {
        using var browser = new SignInClient(_host.BaseUrl);

        var page = await browser.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/login", page.Headers.Location!.AbsolutePath);
        Assert.Contains("returnUrl=" + Uri.EscapeDataString(path), page.Headers.Location.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_in_by_post_sets_a_cookie_and_redirects_to_the_page_without_the_token()
    {
        using var browser = new SignInClient(_host.BaseUrl);

        var login = await browser.SignInAsync(Token, returnUrl: "/applications?embed=1");

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/applications?embed=1", login.Headers.Location!.OriginalString);
        Assert.Contains(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".Cmf.Dashboard.SignIn=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_sign_in_form_posts_the_token_so_it_never_enters_an_address()
    {
        using var browser = new SignInClient(_host.BaseUrl);

        var form = await browser.TextAsync("/login?returnUrl=%2Fapplications");

        Assert.Contains("<form method=\"post\" action=\"/login\">", form, StringComparison.Ordinal);
        Assert.Contains("name=\"returnUrl\" value=\"/applications\"", form, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_with_the_token_in_its_address_no_longer_signs_in()
    {
        using var browser = new SignInClient(_host.BaseUrl);

        var login = await browser.Http.GetAsync($"/login?t={Token}&returnUrl=%2Fapplications");

        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.False(login.Headers.Contains("Set-Cookie"));
        var page = await login.Content.ReadAsStringAsync();
        Assert.Contains("no longer sign in", page, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_sign_in_pages_and_the_api_answer_with_the_cookie_alone()
    {
        using var browser = new SignInClient(_host.BaseUrl);
        await browser.SignInAsync(Token);

        var page = await browser.Http.GetAsync("/applications");
        var api = await browser.Http.GetAsync("/cmf/api/v1/environments");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }

    [Fact]
    public async Task Sign_in_with_a_wrong_token_is_401_and_sets_no_cookie()
    {
        using var browser = new SignInClient(_host.BaseUrl);

        var login = await browser.SignInAsync("guess", returnUrl: "/applications");

        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.False(login.Headers.Contains("Set-Cookie"));
        Assert.Contains("not valid", await login.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/\t/evil.example")]
    [InlineData("/\n/evil.example")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example")]
    [InlineData("javascript:alert(1)")]
    public async Task Sign_in_never_redirects_off_site(string returnUrl)
    {
        using var browser = new SignInClient(_host.BaseUrl);

        var login = await browser.SignInAsync(Token, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/", login.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_percent_encoded_tab_in_the_return_url_of_the_form_becomes_the_home_page()
    {
        using var browser = new SignInClient(_host.BaseUrl);

        var form = await browser.TextAsync("/login?returnUrl=/%09/evil.example");

        Assert.Contains("name=\"returnUrl\" value=\"/\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", form, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sixth_sign_in_attempt_within_a_minute_gets_429_with_retry_after()
    {
        using var browser = new SignInClient(_host.BaseUrl);
        var answers = new List<HttpResponseMessage>();

        for (var attempt = 0; attempt < 6; attempt++)
        {
            answers.Add(await browser.SignInAsync("guess-" + attempt));
        }

        Assert.All(answers.Take(5), a => Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode));
        var refused = answers[5];
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.Contains("Too many sign-in attempts", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await browser.SignInAsync(Token)).StatusCode);
    }

    [Fact]
    public async Task The_blazor_circuit_cannot_be_opened_without_sign_in()
    {
        using var browser = new SignInClient(_host.BaseUrl);

        var negotiate = await browser.Http.PostAsync("/_blazor/negotiate?negotiateVersion=1", content: null);

        Assert.True(negotiate.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Redirect, negotiate.StatusCode.ToString());
    }

    [Fact]
    public async Task The_hub_refuses_a_client_without_the_token()
    {
        await using var connection = Hub(accessToken: null);

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, failure.StatusCode);
    }

    [Fact]
    public async Task The_hub_accepts_a_client_with_the_token()
    {
        await using var connection = Hub(Token);

        await connection.StartAsync();

        Assert.Equal(HubConnectionState.Connected, connection.State);
    }

    private HubConnection Hub(string? accessToken) => HubClients.WithBearer(_host.BaseUrl, accessToken);

    private async Task<HttpStatusCode> StatusWithBearerAsync(string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _host.Client.SendAsync(request);
        return response.StatusCode;
    }
}
