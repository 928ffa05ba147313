using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Cmf.Dashboard.Security;

/// <summary>
/// The sign-in cookie obeys <see cref="SessionRules"/>: each sign-in is stamped with its time and id, and a cookie whose
/// session has ended is refused and deleted on its next request (the browser is sent to sign in again, a machine gets
/// 401), however recently its sliding expiration was renewed.
/// </summary>
internal static partial class SessionCookie
{
    public static void Configure(CookieAuthenticationEvents events)
    {
        events.OnSigningIn = context =>
        {
            if (context.Principal?.Identity is ClaimsIdentity identity)
            {
                context.HttpContext.RequestServices.GetRequiredService<SessionRules>().Stamp(identity);
            }
            return Task.CompletedTask;
        };
        events.OnValidatePrincipal = async context =>
        {
            var services = context.HttpContext.RequestServices;
            var status = services.GetRequiredService<SessionRules>().Evaluate(context.Principal!, browserSession: true);
            if (status.EndedBecause is { } reason)
            {
                LogEnded(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SessionCookie)), reason);
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(context.Scheme.Name);
            }
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A sign-in cookie was refused: {Reason}.")]
    private static partial void LogEnded(ILogger logger, string reason);
}
