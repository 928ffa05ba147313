using Cmf.Core.Configuration;
using Microsoft.Net.Http.Headers;

namespace Cmf.Dashboard.Security;

/// <summary>
/// Which pages may open Blazor's circuit and the status hub: the dashboard's own origin (the scheme, host and port the
/// request was made to, after forwarded headers) and <c>Cmf:Security:AllowedOrigins</c>. A WebSocket is exempt from the
/// same-origin policy, so without this any site the viewer visits could open one with the viewer's cookie and read
/// what it pushes (cross-site WebSocket hijacking). Portals in <c>Cmf:Embedding:FrameAncestors</c> are not allowed by
/// being there: a framed page's sockets carry the dashboard's origin, not the portal's.
/// </summary>
public sealed class OriginPolicy
{
    private readonly HashSet<WebOrigin> _allowed;

    public OriginPolicy(IEnumerable<string> allowedOrigins)
    {
        ArgumentNullException.ThrowIfNull(allowedOrigins);
        _allowed = [.. allowedOrigins.Select(WebOrigin.Parse).OfType<WebOrigin>()];
    }

    public static OriginPolicy From(SecurityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new OriginPolicy(options.AllowedOrigins);
    }

    /// <summary>Whether a page of <paramref name="origin"/> (an <c>Origin</c> header) may use the live connections of <paramref name="request"/>.</summary>
    public bool Allows(string origin, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return WebOrigin.Parse(origin) is { } presented && (presented == OwnOrigin(request) || _allowed.Contains(presented));
    }

    /// <summary>The origin the request was made to, as a browser writes it; null without a Host header.</summary>
    public static WebOrigin? OwnOrigin(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        // A proxy may report the WebSocket's scheme; the page that opened it was served over http(s).
        var scheme = request.Scheme.ToUpperInvariant() switch
        {
            "WSS" => Uri.UriSchemeHttps,
            "WS" => Uri.UriSchemeHttp,
            _ => request.Scheme,
        };
        return request.Host.HasValue ? WebOrigin.Parse($"{scheme}://{request.Host.Value}") : null;
    }
}

/// <summary>Refuses (403) a request to a SignalR endpoint whose <c>Origin</c> the <see cref="OriginPolicy"/> does not allow.</summary>
/// <remarks>Programs (the .NET SignalR client, scripts) send no <c>Origin</c>; they pass here and meet sign-in as before.</remarks>
internal sealed partial class OriginGate(RequestDelegate next, OriginPolicy policy, ILogger<OriginGate> logger)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!SignalRTransports.Serves(request.Path) || !request.Headers.TryGetValue(HeaderNames.Origin, out var origin)
            || policy.Allows(origin.ToString(), request))
        {
            return next(context);
        }
        var own = OriginPolicy.OwnOrigin(request)?.ToString() ?? "unknown: the request has no Host";
        LogRefused(logger, origin.ToString(), request.Path, own);
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(
            $"A page from {origin} may not open this dashboard's live connection: only pages of the dashboard's own origin ({own}) "
            + "and of Cmf:Security:AllowedOrigins may. Behind a TLS-terminating proxy, list the proxy in Cmf:ForwardedHeaders:KnownProxies "
            + "or Cmf:ForwardedHeaders:KnownNetworks so the dashboard knows the origin its viewers use.",
            context.RequestAborted);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a live connection to {Path} from a page of {Origin}; the dashboard's own origin is {Own}. Cmf:Security:AllowedOrigins lists the others allowed.")]
    private static partial void LogRefused(ILogger logger, string origin, PathString path, string own);
}
