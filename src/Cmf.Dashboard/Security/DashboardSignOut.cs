using Cmf.Core.Configuration;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;

namespace Cmf.Dashboard.Security;

/// <summary>
/// <c>POST /logout</c>, the layout's Sign out button: checks the form's antiforgery token, ends the session on this
/// replica (so a copy of the cookie stops working too, <see cref="SignedOutSessions"/>), deletes the cookie and, in
/// OpenIdConnect mode, signs out at the identity provider when it offers an end_session_endpoint. Then
/// <c>/signed-out</c> says so, instead of a page that would sign the viewer in again at once.
/// </summary>
internal static class DashboardSignOut
{
    public static void MapDashboardSignOut(this IEndpointRouteBuilder endpoints)
    {
        // The antiforgery token is checked below only while a session stands: signing out an ended session must work
        // from a page opened before it ended.
        endpoints.MapPost(DashboardUrls.LogoutPath, SignOutAsync)
            .AllowAnonymous()
            .DisableAntiforgery()
            .WithMetadata(SignInFormPost.Instance)
            .ExcludeFromDescription();
        endpoints.MapGet(DashboardUrls.SignedOutPath, SignInPages.SignedOut).AllowAnonymous().ExcludeFromDescription();
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, IAntiforgery antiforgery, SessionRules rules, SecurityPosture posture)
    {
        context.Response.Headers.CacheControl = "no-store";
        var user = context.User;
        var signedIn = user.Identity?.IsAuthenticated == true;
        if (signedIn)
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return SignInPages.Refused(
                    "Not signed out",
                    "This sign-out form is out of date or came from another site. Reload the dashboard and sign out again.",
                    StatusCodes.Status400BadRequest);
            }
            rules.SignOut(user);
        }
        await context.SignOutAsync(AuthSchemes.Cookie);
        if (signedIn && posture.Mode == AuthMode.OpenIdConnect && await OpenIdConnectSessions.OffersSignOutAsync(context))
        {
            return Results.SignOut(new AuthenticationProperties { RedirectUri = DashboardUrls.SignedOutPath }, [AuthSchemes.OpenIdConnect]);
        }
        return Results.LocalRedirect(DashboardUrls.SignedOutPath);
    }
}
