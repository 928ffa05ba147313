using Cmf.Dashboard.Hubs;

namespace Cmf.Dashboard.Security;

/// <summary>The SignalR endpoints: Blazor's circuit and the status hub, with their negotiate, WebSocket, SSE and long-polling requests.</summary>
internal static class SignalRTransports
{
    public const string BlazorCircuitPath = "/_blazor";

    public static readonly PathString[] Paths = [BlazorCircuitPath, StatusHub.Path];

    public static bool Serves(PathString path) => Paths.Any(t => path.StartsWithSegments(t, StringComparison.OrdinalIgnoreCase));
}
