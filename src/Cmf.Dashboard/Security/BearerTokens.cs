using Cmf.Dashboard.Api;
using Cmf.Dashboard.Hubs;
using Microsoft.Net.Http.Headers;

namespace Cmf.Dashboard.Security;

/// <summary>
/// Where a request carries a bearer token: the Authorization header, or, for the hub only, the <c>access_token</c> query
/// parameter (browsers cannot set headers on a WebSocket).
/// </summary>
public static class BearerTokens
{
    public const string HubQueryParameter = "access_token";

    public static string? Find(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers[HeaderNames.Authorization].ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }
        return IsHub(request.Path) && request.Query.TryGetValue(HubQueryParameter, out var token) ? token.ToString() : null;
    }

    /// <summary>Requests answered by machines: a challenge is a 401, never a redirect to a sign-in page.</summary>
    public static bool IsMachineRequest(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ApiPaths.IsApi(request.Path) || IsHub(request.Path);
    }

    private static bool IsHub(PathString path) => path.StartsWithSegments(StatusHub.Path, StringComparison.OrdinalIgnoreCase);
}
