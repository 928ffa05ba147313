using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace Cmf.Dashboard.Security;

/// <summary>
/// OpenID Connect sessions: the session ends when the id token expires (<see cref="SessionRules"/>), and the next
/// request signs in again at the identity provider (often without a prompt), which brings the viewer's current claims;
/// a revoked group membership therefore takes effect within one id token lifetime. No refresh token is kept. Sign-out
/// also ends the provider's session when it offers an end_session_endpoint, and comes back to <c>/signed-out</c>.
/// </summary>
internal static class OpenIdConnectSessions
{
    public static void Configure(OpenIdConnectOptions oidc)
    {
        ArgumentNullException.ThrowIfNull(oidc);
        oidc.SignedOutRedirectUri = DashboardUrls.SignedOutPath;
        oidc.Events.OnTokenValidated = context =>
        {
            if (context.SecurityToken is { ValidTo: var expires } && expires > DateTime.MinValue
                && context.Principal?.Identity is System.Security.Claims.ClaimsIdentity identity)
            {
                SessionRules.AddIdentityProviderExpiry(identity, new DateTimeOffset(DateTime.SpecifyKind(expires, DateTimeKind.Utc)));
            }
            return Task.CompletedTask;
        };
        // The id token is not kept (it would swell the cookie), so the provider learns who signs out from the client id
        // (OpenID Connect RP-Initiated Logout allows client_id in place of id_token_hint).
        oidc.Events.OnRedirectToIdentityProviderForSignOut = context =>
        {
            context.ProtocolMessage.ClientId = context.Options.ClientId;
            return Task.CompletedTask;
        };
    }

    /// <summary>Whether the identity provider has an end_session_endpoint; false when its metadata cannot be read.</summary>
    public static async Task<bool> OffersSignOutAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var oidc = context.RequestServices.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(AuthSchemes.OpenIdConnect);
        try
        {
            var configuration = await oidc.ConfigurationManager!.GetConfigurationAsync(context.RequestAborted);
            return !string.IsNullOrEmpty(configuration.EndSessionEndpoint);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
