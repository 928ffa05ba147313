using Cmf.Core.Configuration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace Cmf.Dashboard.Security;

/// <summary>
/// The schemes of each sign-in mode. Browsers hold a cookie; machines (the API, the hub) send a bearer token: the shared
/// token in Token mode, a JWT from the identity provider in OpenIdConnect mode. A request with a bearer token is judged
/// by it alone; one without is judged by the cookie, and a machine then gets 401 or 403 while a browser is sent to sign
/// in (<c>/login</c> in Token mode, the identity provider in OpenIdConnect mode).
/// </summary>
internal static class DashboardAuthentication
{
    public static void Add(IServiceCollection services, AuthOptions auth, EmbeddingPolicy embedding)
    {
        var mode = auth.Mode;
        var authentication = services.AddAuthentication(AuthSchemes.Dashboard);
        if (mode == AuthMode.Unsecured)
        {
            return;
        }
        DashboardSessions.Add(services, auth);
        var bearer = mode == AuthMode.OpenIdConnect ? AuthSchemes.JwtBearer : AuthSchemes.AccessToken;
        authentication.AddPolicyScheme(AuthSchemes.Dashboard, "Bearer token or sign-in cookie", scheme =>
            scheme.ForwardDefaultSelector = context => BearerTokens.Find(context.Request) is null ? AuthSchemes.Cookie : bearer);
        authentication.AddCookie(AuthSchemes.Cookie, cookie => ConfigureCookie(cookie, mode, embedding));
        if (mode == AuthMode.Token)
        {
            services.AddSingleton<AccessTokens>();
            authentication.AddScheme<AuthenticationSchemeOptions, AccessTokenHandler>(AuthSchemes.AccessToken, null);
            return;
        }
        authentication.AddOpenIdConnect(AuthSchemes.OpenIdConnect, _ => { });
        authentication.AddJwtBearer(AuthSchemes.JwtBearer, _ => { });
        services.AddOptions<OpenIdConnectOptions>(AuthSchemes.OpenIdConnect).Configure<IOptions<CmfOptions>>(
            (oidc, cmf) => OpenIdConnectSettings.Configure(oidc, cmf.Value.Auth.OpenIdConnect));
        services.AddOptions<JwtBearerOptions>(AuthSchemes.JwtBearer).Configure<IOptions<CmfOptions>>(
            (jwt, cmf) => OpenIdConnectSettings.Configure(jwt, cmf.Value.Auth.OpenIdConnect));
    }

    private static void ConfigureCookie(CookieAuthenticationOptions cookie, AuthMode mode, EmbeddingPolicy embedding)
    {
        cookie.Cookie.Name = ".Cmf.Dashboard.SignIn";
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        // Inside a portal's frame the cookie is a third-party cookie: it must be SameSite=None, which browsers accept
        // only over HTTPS (EmbeddedCookies keeps it Lax on plain HTTP).
        cookie.Cookie.SameSite = embedding.AllowsPortals ? SameSiteMode.None : SameSiteMode.Lax;
        cookie.ExpireTimeSpan = TimeSpan.FromHours(12);
        cookie.SlidingExpiration = true;
        cookie.LoginPath = DashboardUrls.LoginPath;
        cookie.ReturnUrlParameter = TokenLogin.ReturnUrlParameter;
        SessionCookie.Configure(cookie.Events);
        cookie.Events.OnRedirectToLogin = context =>
        {
            if (BearerTokens.IsMachineRequest(context.Request))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "Bearer";
                return Task.CompletedTask;
            }
            if (mode == AuthMode.OpenIdConnect)
            {
                var request = context.Request;
                var properties = new AuthenticationProperties { RedirectUri = request.PathBase + request.Path + request.QueryString };
                return context.HttpContext.ChallengeAsync(AuthSchemes.OpenIdConnect, properties);
            }
            context.Response.Redirect(context.RedirectUri);
            return Task.CompletedTask;
        };
        cookie.Events.OnRedirectToAccessDenied = context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return BearerTokens.IsMachineRequest(context.Request)
                ? Task.CompletedTask
                : context.Response.WriteAsync("You are signed in, but your account lacks the claim this dashboard requires of its viewers.");
        };
    }
}
