using Cmf.Core.Kubernetes;
using Cmf.Dashboard.Security;

namespace Cmf.Dashboard.Hosting;

/// <summary>
/// <c>/healthz</c>: the process answers. <c>/readyz</c>: 200 once every watch's first list is committed, with each watch's
/// state for the callers <see cref="ReadinessDetails"/> allows.
/// </summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapCmfHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", () => Results.Text("alive\n")).ExcludeFromDescription();
        endpoints.MapGet("/readyz", async (HttpContext context, WatchHealth health) =>
        {
            var status = health.IsReady ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
            if (!await ReadinessDetails.AreVisibleToAsync(context))
            {
                return Results.Json(new { ready = health.IsReady }, statusCode: status);
            }
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
            return Results.Json(body, statusCode: status);
        }).ExcludeFromDescription();
        return endpoints;
    }
}
