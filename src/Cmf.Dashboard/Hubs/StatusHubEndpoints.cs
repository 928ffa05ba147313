namespace Cmf.Dashboard.Hubs;

/// <summary>Registers and maps the status hub.</summary>
public static class StatusHubEndpoints
{
    public static IServiceCollection AddStatusHub(this IServiceCollection services)
    {
        services.AddSignalR();
        services.AddSingleton<HubSubscriptions>();
        services.AddHostedService<StatusBroadcaster>();
        return services;
    }

    public static HubEndpointConventionBuilder MapStatusHub(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHub<StatusHub>(StatusHub.Path);
}
