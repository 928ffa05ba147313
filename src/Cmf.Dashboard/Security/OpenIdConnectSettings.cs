using Cmf.Core.Configuration;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Cmf.Dashboard.Security;

/// <summary>
/// <c>Cmf:Auth:OpenIdConnect</c> applied to the browser sign-in (authorization code with PKCE) and to API bearer tokens
/// (JWTs from the same authority for the client, or for <c>Audience</c> when set). Claim names are kept as the
/// identity provider wrote them, so the required claim is matched exactly.
/// </summary>
internal static class OpenIdConnectSettings
{
    public const string CallbackPath = "/signin-oidc";

    public static void Configure(OpenIdConnectOptions oidc, OpenIdConnectOptionsSection settings)
    {
        oidc.Authority = settings.Authority;
        oidc.ClientId = settings.ClientId;
        oidc.ClientSecret = settings.ClientSecret;
        oidc.RequireHttpsMetadata = settings.RequireHttpsMetadata;
        oidc.ResponseType = OpenIdConnectResponseType.Code;
        // The answer comes back as a GET: the dashboard accepts no POST outside its SignalR transports.
        oidc.ResponseMode = OpenIdConnectResponseMode.Query;
        oidc.UsePkce = true;
        oidc.CallbackPath = CallbackPath;
        oidc.SignInScheme = AuthSchemes.Cookie;
        oidc.MapInboundClaims = false;
        oidc.SaveTokens = false;
        oidc.TokenValidationParameters.NameClaimType = "name";
        // A GET redirect from the provider is a top-level navigation: Lax cookies come back with it.
        oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
        oidc.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        oidc.NonceCookie.SameSite = SameSiteMode.Lax;
        oidc.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    }

    public static void Configure(JwtBearerOptions jwt, OpenIdConnectOptionsSection settings)
    {
        jwt.Authority = settings.Authority;
        jwt.Audience = string.IsNullOrWhiteSpace(settings.Audience) ? settings.ClientId : settings.Audience;
        jwt.RequireHttpsMetadata = settings.RequireHttpsMetadata;
        jwt.MapInboundClaims = false;
        jwt.TokenValidationParameters.NameClaimType = "name";
        // Browsers cannot set headers on a WebSocket: the hub also takes the token from ?access_token= (and only the hub).
        jwt.Events.OnMessageReceived = context =>
        {
            context.Token = BearerTokens.Find(context.Request);
            return Task.CompletedTask;
        };
    }
}
