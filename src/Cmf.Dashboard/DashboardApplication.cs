using Cmf.Dashboard.Components;
using Cmf.Dashboard.Hosting;
using Cmf.Dashboard.Model;

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
        builder.Services.AddDashboardUi();

        var app = builder.Build();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapCmfHealth();
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode();

        app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
        return app;
    }
}
