using System.Net;

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

    public void Dispose()
    {
        Http.Dispose();
        _handler.Dispose();
    }
}
