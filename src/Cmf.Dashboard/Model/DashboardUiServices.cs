using Cmf.Dashboard.Components.Controls;
using Cmf.Dashboard.Components.Layout;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;

namespace Cmf.Dashboard.Model;

public static class DashboardUiServices
{
    /// <summary>
    /// What the layouts and controls need. <see cref="DashboardRuntime"/> defaults to "not on the simulator";
    /// whoever starts the simulator registers its own before this call.
    /// </summary>
    public static IServiceCollection AddDashboardUi(this IServiceCollection services)
    {
        services.AddMudServices();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new DashboardRuntime(RunsOnSimulator: false));
        services.AddScoped<ThemePreferenceStore>();
        services.AddSingleton<ThemeStylesheet>();
        services.AddSingleton<ApplicationRowMarkup>();
        return services;
    }
}
