using Cmf.Dashboard.Api;
using Cmf.Dashboard.Components;
using Cmf.Dashboard.Components.Layout;
using Cmf.Dashboard.Hosting;
using Cmf.Dashboard.Hubs;
using Cmf.Dashboard.Model;
using Cmf.Dashboard.Security;

namespace Cmf.Dashboard;

/// <summary>Builds the whole dashboard; Program runs it, tests start it on 127.0.0.1 with their own settings.</summary>
public static class DashboardApplication
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(DashboardApplication).Assembly.GetName().Name,
        });
        configure?.Invoke(builder);

        builder.Services.AddRazorComponents()
            .AddInteractiveServerComponents();
        builder.AddCmfCore();
        builder.AddCmfTelemetry();
        builder.AddDashboardSecurity();
        builder.Services.AddDashboardUi();
        builder.Services.AddDashboardApi();
        builder.Services.AddStatusHub();

        var app = builder.Build();
        app.UseDashboardProtection();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseMiddleware<ApiErrorBodies>();
        app.UseDashboardSignIn();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapThemeStylesheet();
        app.MapCmfHealth();
        var viewers = app.MapGroup("").RequireAuthorization(ViewerPolicy.Name);
        viewers.MapDashboardApi();
        viewers.MapStatusHub();
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode(server => server.ContentSecurityFrameAncestorsPolicy = app.Services.GetRequiredService<EmbeddingPolicy>().FrameAncestors)
            .RequireAuthorization(ViewerPolicy.Name);

        app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
        return app;
    }
}
