using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;

namespace Cmf.Dashboard.Security;

/// <summary>
/// Token mode for browsers: <c>/login?t=&lt;token&gt;&amp;returnUrl=/...</c> checks the token, sets the sign-in cookie
/// and redirects to the in-app return URL, so the token leaves the address bar (and the history) at once.
/// Without a valid token it answers 401 with a small form asking for one.
/// </summary>
internal static class TokenLogin
{
    public const string TokenParameter = "t";
    public const string ReturnUrlParameter = "returnUrl";

    public static IEndpointConventionBuilder MapTokenLogin(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(DashboardUrls.LoginPath, SignInAsync).AllowAnonymous().ExcludeFromDescription();

    private static async Task<IResult> SignInAsync(HttpContext context, AccessTokens tokens)
    {
        var query = context.Request.Query;
        var returnUrl = query[ReturnUrlParameter].LastOrDefault() is { } url && DashboardUrls.IsInApp(url) ? url : "/";
        var token = query[TokenParameter].LastOrDefault();
        context.Response.Headers.CacheControl = "no-store";
        if (string.IsNullOrEmpty(token))
        {
            return Form(returnUrl, problem: null);
        }
        if (!tokens.Matches(token))
        {
            return Form(returnUrl, "That access token is not valid.");
        }
        await context.SignInAsync(AuthSchemes.Cookie, AccessTokens.Principal(AuthSchemes.Cookie));
        return Results.Redirect(returnUrl);
    }

    private static IResult Form(string returnUrl, string? problem)
    {
        var html = HtmlEncoder.Default;
        var body = $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Sign in: Flink Application Instances</title></head>
            <body>
            <main>
            <h1>Sign in</h1>
            <p>This dashboard needs its access token. Open the link you were given (it ends in <code>/login?t=...</code>) or paste the token.</p>
            {{(problem is null ? "" : $"<p role=\"alert\">{html.Encode(problem)}</p>")}}
            <form method="get" action="{{html.Encode(DashboardUrls.LoginPath)}}">
            <label>Access token <input type="password" name="{{TokenParameter}}" autocomplete="off" required></label>
            <input type="hidden" name="{{ReturnUrlParameter}}" value="{{html.Encode(returnUrl)}}">
            <button type="submit">Sign in</button>
            </form>
            </main>
            </body>
            </html>
            """;
        return Results.Content(body, "text/html; charset=utf-8", statusCode: StatusCodes.Status401Unauthorized);
    }
}
