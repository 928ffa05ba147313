using Cmf.Core.Configuration;

namespace Cmf.Dashboard.Security;

/// <summary>Sessions in the sign-in modes: sign-in by POST with a rate limit (Token mode).</summary>
internal static class DashboardSessions
{
    public static void Add(IServiceCollection services, AuthOptions auth)
    {
        if (auth.Mode == AuthMode.Unsecured)
        {
            return;
        }
        services.AddRateLimiter(SignInRateLimit.Configure);
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
    }
}
