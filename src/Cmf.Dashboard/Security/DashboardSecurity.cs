using Cmf.Core.Configuration;
using Microsoft.AspNetCore.Antiforgery;

namespace Cmf.Dashboard.Security;

/// <summary>
/// Sign-in mode, embedding policy, security headers and the read-only rule, wired into the host. Every page, embed, API
/// route and the hub require <see cref="ViewerPolicy"/>; health probes and static assets do not.
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
        DashboardAuthentication.Add(services, options.Auth.Mode, embedding);
        return builder;
    }

    /// <summary>First in the pipeline: nothing is served before the addresses are checked, every answer carries the headers, writes are refused.</summary>
    public static WebApplication UseDashboardProtection(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<ListeningGate>();
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<ReadOnlyRequests>();
        return app;
    }

    public static WebApplication UseDashboardSignIn(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseCookiePolicy();
        app.UseAuthentication();
        app.UseAuthorization();
        if (app.Services.GetRequiredService<SecurityPosture>().Mode == AuthMode.Token)
        {
            app.MapTokenLogin();
        }
        return app;
    }
}
