using Cmf.Simulator.Faults;
using Microsoft.AspNetCore.Http;

namespace Cmf.Simulator.Api;

/// <summary>
/// The entry point of every HTTP request: simulator controls under <c>/_sim/</c>, injected faults,
/// then discovery, OpenAPI and the resource endpoints. Every error leaves as a Kubernetes Status.
/// </summary>
internal sealed class ApiRequestHandler(
    ResourceEndpoints resources,
    ControlEndpoints controls,
    FaultInjector faults)
{
    public const string ControlPrefix = "/_sim/";

    public async Task HandleAsync(HttpContext context, CancellationToken serverStopping)
    {
        var path = context.Request.Path.Value ?? "/";
        try
        {
            RefuseBrowsers(context.Request);
            if (path.StartsWith(ControlPrefix, StringComparison.Ordinal))
            {
                await controls.HandleAsync(context, path[ControlPrefix.Length..]);
                return;
            }
            if (faults.TryTakeStall(out var delay))
            {
                await Task.Delay(delay, context.RequestAborted);
            }
            if (faults.TryTakeFailure(out var statusCode))
            {
                throw InjectedFailure(statusCode);
            }
            await RouteAsync(context, path, serverStopping);
        }
        catch (ApiException error) when (!context.Response.HasStarted)
        {
            await ApiResponses.WriteErrorAsync(context, error);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested || serverStopping.IsCancellationRequested)
        {
            // The client went away or the listener is stopping: nobody is left to answer.
        }
        catch (Exception error) when (!context.Response.HasStarted && error is not OperationCanceledException)
        {
            await ApiResponses.WriteErrorAsync(context, new ApiException(500, "InternalError", $"Internal error occurred: {error.Message}"));
        }
    }

    /// <summary>
    /// The simulator answers without authentication on loopback, so a web page must not reach it: a request carrying
    /// an Origin (kubectl, client libraries and the dashboard's watcher send none) or a Host that is not a loopback
    /// name (a DNS-rebinding page) is refused before anything runs, simulator controls included.
    /// </summary>
    private static void RefuseBrowsers(HttpRequest request)
    {
        if (request.Headers.Origin.Count > 0)
        {
            throw new ApiException(403, "Forbidden", $"requests from web pages are refused (Origin {request.Headers.Origin}): the simulator has no authentication");
        }
        if (!LoopbackAddress.IsLoopbackName(request.Host.Host))
        {
            throw new ApiException(403, "Forbidden", $"host \"{request.Host.Host}\" is not a loopback name: the simulator answers only requests addressed to this machine's loopback");
        }
    }

    private Task RouteAsync(HttpContext context, string path, CancellationToken serverStopping)
    {
        if (ResourceRoute.TryParse(path) is { } route)
        {
            return resources.HandleAsync(context, route, serverStopping);
        }
        if (context.Request.Method != "GET")
        {
            throw ApiException.NoSuchPath();
        }
        var trimmed = path.TrimEnd('/');
        var segments = trimmed.Trim('/').Split('/');
        var document = trimmed switch
        {
            "/version" => Discovery.Version(),
            "/api" => Discovery.CoreVersions($"{context.Request.Host}"),
            "/apis" => Discovery.Groups(),
            "/openapi/v3" => OpenApiDocuments.Index(),
            "/healthz" or "/livez" or "/readyz" => null,
            _ when segments is ["api", var version] => Discovery.Resources("", version),
            _ when segments is ["apis", var group] => Discovery.Group(group),
            _ when segments is ["apis", var group, var version] => Discovery.Resources(group, version),
            _ when trimmed.StartsWith("/openapi/v3/", StringComparison.Ordinal) => OpenApiDocuments.ForPath(trimmed["/openapi/v3/".Length..]),
            _ => throw ApiException.NoSuchPath(),
        };
        if (document is null)
        {
            return trimmed is "/healthz" or "/livez" or "/readyz"
                ? ApiResponses.WriteTextAsync(context, "ok")
                : throw ApiException.NoSuchPath();
        }
        return ApiResponses.WriteJsonAsync(context, 200, document);
    }

    private static ApiException InjectedFailure(int statusCode) => statusCode switch
    {
        429 => new ApiException(429, "TooManyRequests", "the server has received too many requests and has asked us to try again later (injected)"),
        503 => new ApiException(503, "ServiceUnavailable", "the server is currently unable to handle the request (injected)"),
        504 => new ApiException(504, "Timeout", "the server was unable to return a response in the time allotted (injected)"),
        >= 500 => new ApiException(statusCode, "InternalError", "an error on the server has prevented the request from succeeding (injected)"),
        _ => new ApiException(statusCode, "BadRequest", "the server rejected the request (injected)"),
    };
}
