using Cmf.Dashboard.Hubs;
using Microsoft.AspNetCore.Diagnostics;

namespace Cmf.Dashboard.Api;

/// <summary>
/// API and hub requests never get the HTML "not found" page: an empty error answer (a 401 challenge, a 404 from
/// routing) gets CMF's error envelope, and an exception becomes a 500 envelope instead of the error page.
/// </summary>
internal sealed partial class ApiErrorBodies(RequestDelegate next, ILogger<ApiErrorBodies> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (!ApiPaths.IsApi(path) && !path.StartsWithSegments(StatusHub.Path, StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }
        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
        {
            statusPages.Enabled = false;
        }
        try
        {
            await next(context);
        }
        catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            LogFailure(logger, e, context.Request.Method, path);
            await ApiResponse.WriteErrorAsync(context, StatusCodes.Status500InternalServerError, "The server failed to answer this request; its log says why.");
            return;
        }
        var response = context.Response;
        if (!response.HasStarted && response.StatusCode >= 400 && response.ContentType is null && response.ContentLength is null)
        {
            await ApiResponse.WriteErrorAsync(context, response.StatusCode, DefaultMessage(response.StatusCode));
        }
    }

    private static string DefaultMessage(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => "Sign-in required: send 'Authorization: Bearer <token>'.",
        StatusCodes.Status403Forbidden => "You are signed in but not allowed to view this dashboard.",
        StatusCodes.Status404NotFound => "There is no API resource at this path.",
        StatusCodes.Status405MethodNotAllowed => "This method is not allowed here: the API is read-only.",
        _ => $"The request failed with HTTP {status}.",
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed.")]
    private static partial void LogFailure(ILogger logger, Exception exception, string method, PathString path);
}
