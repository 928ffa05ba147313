using Cmf.Dashboard.Model;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Primitives;

namespace Cmf.Dashboard.Security;

/// <summary>
/// Token mode for browsers: <c>GET /login</c> shows a form that POSTs the token with the in-app return URL, so the
/// token never travels in an address (browser history, proxy logs); a valid token sets the sign-in cookie and
/// redirects to the return URL, or to <c>/</c> when that is not a local path. Attempts are rate-limited per client
/// address (<see cref="SignInRateLimit"/>). An old link with <c>?t=</c> signs nobody in: it shows the form and says why.
/// </summary>
internal static class TokenLogin
{
    public const string TokenField = "token";
    public const string ReturnUrlParameter = "returnUrl";
    private const string TokenInAddressParameter = "t";

    public static void MapTokenLogin(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(DashboardUrls.LoginPath, ShowForm).AllowAnonymous().ExcludeFromDescription();
        // No antiforgery token: the only identity to sign in as is the token's own, so a forged sign-in gains nothing,
        // and the form must work inside a portal's frame, where a SameSite=Strict antiforgery cookie is never sent.
        endpoints.MapPost(DashboardUrls.LoginPath, SignInAsync)
            .AllowAnonymous()
            .DisableAntiforgery()
            .RequireRateLimiting(SignInRateLimit.Policy)
            .WithMetadata(SignInFormPost.Instance)
            .ExcludeFromDescription();
    }

    /// <summary>A local path to return to after sign-in; anything else (another site, a control character) becomes <c>/</c>.</summary>
    public static string ReturnUrl(StringValues requested) =>
        requested.LastOrDefault() is { } url && LocalUrl.IsInApp(url) ? url : "/";

    private static IResult ShowForm(HttpContext context)
    {
        var query = context.Request.Query;
        context.Response.Headers.CacheControl = "no-store";
        var problem = query.ContainsKey(TokenInAddressParameter)
            ? "Links that carry the token (/login?t=...) no longer sign in: an address ends up in browser history and proxy logs. Paste the token instead."
            : null;
        return SignInPages.TokenForm(ReturnUrl(query[ReturnUrlParameter]), problem);
    }

    private static async Task<IResult> SignInAsync(HttpContext context, AccessTokens tokens)
    {
        context.Response.Headers.CacheControl = "no-store";
        if (!context.Request.HasFormContentType)
        {
            return SignInPages.TokenForm("/", "Send the access token from the sign-in form.", StatusCodes.Status400BadRequest);
        }
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var returnUrl = ReturnUrl(form[ReturnUrlParameter]);
        if (!tokens.Matches(form[TokenField].LastOrDefault()))
        {
            return SignInPages.TokenForm(returnUrl, "That access token is not valid.");
        }
        await context.SignInAsync(AuthSchemes.Cookie, tokens.Principal(AuthSchemes.Cookie));
        return Results.LocalRedirect(returnUrl);
    }
}
