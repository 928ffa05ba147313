using System.Net;
using Microsoft.AspNetCore.Authorization;

namespace Cmf.Dashboard.Security;

/// <summary>
/// Who may read <c>/readyz</c>'s details (the watches, hence the namespaces, and the API server's error messages):
/// a caller on this machine, or a signed-in viewer. Anyone else, such as a kubelet probe from the node, gets the
/// status code and whether the dashboard is ready, nothing more. The caller's address is the one after forwarded
/// headers, so a remote viewer behind a known proxy is not taken for a local one.
/// </summary>
public static class ReadinessDetails
{
    public static async Task<bool> AreVisibleToAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (IsLocal(context.Connection.RemoteIpAddress))
        {
            return true;
        }
        var services = context.RequestServices;
        if (!services.GetRequiredService<SecurityPosture>().SignInRequired || context.User.Identity?.IsAuthenticated != true)
        {
            return false;
        }
        var viewer = await services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(context.User, ViewerPolicy.Name);
        return viewer.Succeeded;
    }

    /// <summary>No address means a Unix socket or an in-process caller: both on this machine.</summary>
    private static bool IsLocal(IPAddress? address) =>
        address is null || IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
}
