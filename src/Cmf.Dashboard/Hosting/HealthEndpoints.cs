using Cmf.Core.Kubernetes;

namespace Cmf.Dashboard.Hosting;

/// <summary><c>/healthz</c>: the process answers. <c>/readyz</c>: 200 once every watch's first list is committed.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapCmfHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", () => Results.Text("alive\n")).ExcludeFromDescription();
        endpoints.MapGet("/readyz", (WatchHealth health) =>
        {
            var body = new
            {
                ready = health.IsReady,
                watches = health.Watches.Select(w => new
                {
                    name = w.Name,
                    phase = w.Phase.ToString(),
                    listed = w.Listed,
                    listCommitted = w.ListCommitted,
                    lastEventAt = w.LastEventAt,
                    lastError = w.LastError,
                    relists = w.Relists,
                    restarts = w.Restarts,
                }),
            };
            return Results.Json(body, statusCode: health.IsReady ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        }).ExcludeFromDescription();
        return endpoints;
    }
}
