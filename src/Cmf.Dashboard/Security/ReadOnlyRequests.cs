using Cmf.Dashboard.Api;
using Microsoft.Net.Http.Headers;

namespace Cmf.Dashboard.Security;

/// <summary>
/// Nothing in the product changes anything: every method but GET and HEAD is refused with 405 on every route. The only
/// exceptions are SignalR transports (Blazor's circuit and the status hub negotiate and poll with POST) and the sign-in
/// and sign-out forms (<see cref="SignInFormPost"/>).
/// </summary>
internal sealed class ReadOnlyRequests(RequestDelegate next)
{
    public const string AllowedMethods = "GET, HEAD";

    private static readonly PathString[] Transports = SignalRTransports.Paths;

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            || Transports.Any(t => request.Path.StartsWithSegments(t, StringComparison.OrdinalIgnoreCase))
            || context.GetEndpoint()?.Metadata.GetMetadata<SignInFormPost>() is not null)
        {
            return next(context);
        }
        context.Response.Headers[HeaderNames.Allow] = AllowedMethods;
        return ApiResponse.WriteErrorAsync(context, StatusCodes.Status405MethodNotAllowed,
            $"{ApiText.Quote(request.Method)} is not allowed: this dashboard is read-only and never changes the cluster.");
    }
}
