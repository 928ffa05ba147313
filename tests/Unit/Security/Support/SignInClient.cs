using System.Net;
using System.Text.RegularExpressions;

namespace Cmf.UnitTests.Security.Support;

/// <summary>A browser-like client: keeps cookies, does not follow redirects, so a test sees each hop.</summary>
public sealed class SignInClient : IDisposable
{
    private readonly HttpClientHandler _handler;

    public SignInClient(Uri baseUrl)
    {
        _handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), UseCookies = true };
        Http = new HttpClient(_handler) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Http { get; }

    public CookieContainer Cookies => _handler.CookieContainer;

    /// <summary>Follows redirects (across hosts, as a browser would) up to a bound, and returns the last answer.</summary>
    public async Task<HttpResponseMessage> FollowAsync(string url, int maxHops = 10)
    {
        var next = new Uri(Http.BaseAddress!, url);
        for (var hop = 0; hop < maxHops; hop++)
        {
            var response = await Http.GetAsync(next);
            if ((int)response.StatusCode is < 300 or >= 400 || response.Headers.Location is not { } location)
            {
                return response;
            }
            next = location.IsAbsoluteUri ? location : new Uri(next, location);
        }
        throw new InvalidOperationException($"More than {maxHops} redirects from {url}.");
    }

    /// <summary>The body of <paramref name="url"/>, whatever its status.</summary>
    public async Task<string> TextAsync(string url) => await (await Http.GetAsync(url)).Content.ReadAsStringAsync();

    /// <summary>Submits the Token mode sign-in form, as the browser would after the viewer pasted the token.</summary>
    public Task<HttpResponseMessage> SignInAsync(string token, string? returnUrl = null) => Http.PostAsync("/login", SignInForm(token, returnUrl));

    /// <summary>What the sign-in form posts.</summary>
    public static FormUrlEncodedContent SignInForm(string token, string? returnUrl = null) => new(new Dictionary<string, string>
    {
        ["token"] = token,
        ["returnUrl"] = returnUrl ?? "/",
    });

    /// <summary>Opens <paramref name="page"/> and submits the layout's sign-out form with the antiforgery token it carries.</summary>
    public async Task<HttpResponseMessage> SignOutFromAsync(string page)
    {
        var html = await TextAsync(page);
        var field = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"|type=\"hidden\" name=\"__RequestVerificationToken\" value=\"([^\"]+)\"");
        Assert.True(field.Success, "The page carries no sign-out form.");
        var token = field.Groups[1].Success ? field.Groups[1].Value : field.Groups[2].Value;
        return await Http.PostAsync("/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
    }

    /// <summary>The sign-in cookie as a header value, to replay it from another client.</summary>
    public string SignInCookie() => Cookies.GetCookies(Http.BaseAddress!)[".Cmf.Dashboard.SignIn"] is { } cookie
        ? $"{cookie.Name}={cookie.Value}"
        : throw new InvalidOperationException("Not signed in: there is no sign-in cookie.");

    /// <summary>What the API answers a copy of a sign-in cookie sent from elsewhere (<see cref="SignInCookie"/>).</summary>
    public static async Task<HttpStatusCode> ReplayAsync(HttpClient client, string cookie)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/cmf/api/v1/environments");
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    public void Dispose()
    {
        Http.Dispose();
        _handler.Dispose();
    }
}
