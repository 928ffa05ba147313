using Cmf.Core.Configuration;
using Cmf.Dashboard.Hubs;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Cmf.Dashboard.Security;

/// <summary>
/// Sessions in the sign-in modes (<see cref="SessionRules"/>): the cookie's check, hub connections and Blazor circuits
/// that end with their session, sign-in by POST with a rate limit (Token mode), and sign-out.
/// </summary>
internal static class DashboardSessions
{
    public static void Add(IServiceCollection services, AuthOptions auth)
    {
        if (auth.Mode == AuthMode.Unsecured)
        {
            return;
        }
        services.AddSingleton<SignedOutSessions>();
        services.AddSingleton<SessionRules>();
        services.AddSingleton<SessionHubFilter>();
        services.AddSignalR().AddHubOptions<StatusHub>(hub => hub.AddFilter<SessionHubFilter>());
        services.AddScoped<AuthenticationStateProvider, SessionAuthenticationStateProvider>();
        services.AddRateLimiter(SignInRateLimit.Configure);
        if (auth.Mode == AuthMode.OpenIdConnect)
        {
            services.PostConfigure<OpenIdConnectOptions>(AuthSchemes.OpenIdConnect, OpenIdConnectSessions.Configure);
            services.AddSingleton(FormTargets.WithIdentityProvider(auth.OpenIdConnect.Authority));
        }
    }

    public static void Use(WebApplication app, AuthMode mode)
    {
        if (mode == AuthMode.Unsecured)
        {
            return;
        }
        app.UseRateLimiter();
        if (mode == AuthMode.Token)
        {
            app.MapTokenLogin();
        }
        app.MapDashboardSignOut();
    }
}
