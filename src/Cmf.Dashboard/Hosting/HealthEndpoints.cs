using Cmf.Core.Kubernetes;
using Cmf.Core.Storage.PostgreSql;
using Cmf.Dashboard.Security;

namespace Cmf.Dashboard.Hosting;

/// <summary>
/// <c>/healthz</c>: the process answers. <c>/readyz</c>: 200 once every watch's first list is committed (a follower under
/// high availability: once its store is), with the role, identity, leader and each watch's state for the callers
/// <see cref="ReadinessDetails"/> allows.
/// </summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapCmfHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", () => Results.Text("alive\n")).ExcludeFromDescription();
        endpoints.MapGet("/readyz", async (HttpContext context, WatchHealth health, Leadership leadership) =>
        {
            var feed = context.RequestServices.GetService<PostgreSqlChangeListener>();
            var ready = IsReady(health, leadership, feed);
            var status = ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
            if (!await ReadinessDetails.AreVisibleToAsync(context))
            {
                return Results.Json(new { ready }, statusCode: status);
            }
            var body = new
            {
                ready,
                role = RoleName(leadership.Role),
                identity = leadership.Identity,
                leader = leadership.LeaderIdentity,
                feedListening = feed?.IsListening,
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

    /// <summary>
    /// The leader (or the only replica) is ready once every watch's first list is committed. A follower watches nothing
    /// and serves the shared store, which the host initialised before it began to serve. On PostgreSQL every replica's
    /// pages are fed by LISTEN, the leader's included, so none is ready while its listener is not listening.
    /// </summary>
    public static bool IsReady(WatchHealth health, Leadership leadership, PostgreSqlChangeListener? feed = null)
    {
        ArgumentNullException.ThrowIfNull(health);
        ArgumentNullException.ThrowIfNull(leadership);
        return (leadership.Role == LeadershipRole.Follower || health.IsReady) && (feed is null || feed.IsListening);
    }

    public static string RoleName(LeadershipRole role) => role switch
    {
        LeadershipRole.Leader => "leader",
        LeadershipRole.Follower => "follower",
        _ => "single",
    };
}
