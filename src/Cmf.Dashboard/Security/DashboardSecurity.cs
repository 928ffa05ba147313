using Cmf.Core.Configuration;
using Microsoft.AspNetCore.Antiforgery;

namespace Cmf.Dashboard.Security;

/// <summary>
/// Sign-in mode, embedding policy, security headers, the read-only rule and the checks of proxies, host names and origins,
/// wired into the host. Every page, embed, API route and the hub require <see cref="ViewerPolicy"/>; health probes and
/// static assets do not.
/// </summary>
public static class DashboardSecurity
{
    public static WebApplicationBuilder AddDashboardSecurity(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        // Read at start-up like the cluster target: the mode decides which schemes exist; CmfOptionsValidator checks the rest.
        var options = builder.Configuration.GetSection(CmfOptions.SectionName).Get<CmfOptions>() ?? new CmfOptions();
        var embedding = EmbeddingPolicy.From(options.Embedding);
        services.AddSingleton(embedding);
        services.AddSingleton(new SecurityPosture(options.Auth.Mode, options.Auth.AllowUnsecuredNonLoopback));
        services.AddHostedService<ListeningCheck>();
        // Antiforgery's X-Frame-Options: SAMEORIGIN would forbid the portals frame-ancestors allows.
        services.Configure<AntiforgeryOptions>(antiforgery => antiforgery.SuppressXFrameOptionsHeader = embedding.AllowsPortals);
        services.Configure<CookiePolicyOptions>(EmbeddedCookies.Configure);
        services.AddAuthorizationBuilder().AddPolicy(ViewerPolicy.Name, ViewerPolicy.For(options.Auth));
        AddRequestChecks(services, options);
        DashboardAuthentication.Add(services, options.Auth, embedding);
        return builder;
    }

    /// <summary>
    /// First in the pipeline: forwarded headers from known proxies only, nothing served before the addresses are checked,
    /// every answer carries the headers, foreign host names refused, HSTS over https, writes refused, live connections
    /// only from allowed origins.
    /// </summary>
    public static WebApplication UseDashboardProtection(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<TrustedProxies>().AnyConfigured)
        {
            app.UseForwardedHeaders();
        }
        app.UseMiddleware<ListeningGate>();
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<HostGate>();
        app.UseHsts();
        app.UseMiddleware<ReadOnlyRequests>();
        app.UseMiddleware<OriginGate>();
        return app;
    }

    private static void AddRequestChecks(IServiceCollection services, CmfOptions options)
    {
        var proxies = TrustedProxies.From(options.ForwardedHeaders);
        services.AddSingleton(proxies);
        services.Configure<ForwardedHeadersOptions>(proxies.Configure);
        services.AddSingleton(HostPolicy.From(options));
        services.AddSingleton(OriginPolicy.From(options.Security));
        // A year, this host only: the dashboard has no say over its siblings' names. Never sent on http or to loopback names.
        services.AddHsts(hsts => hsts.MaxAge = TimeSpan.FromDays(365));
    }

    public static WebApplication UseDashboardSignIn(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseCookiePolicy();
        app.UseAuthentication();
        app.UseAuthorization();
        DashboardSessions.Use(app, app.Services.GetRequiredService<SecurityPosture>().Mode);
        return app;
    }
}
