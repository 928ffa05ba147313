using System.Net;
using Cmf.Core.Configuration;
using Microsoft.Extensions.Primitives;

namespace Cmf.Dashboard.Security;

/// <summary>
/// Which host names the dashboard answers to. With sign-in off, only loopback names (<c>localhost</c>, 127.0.0.0/8,
/// <c>[::1]</c>, any port) and <c>Cmf:Security:AllowedHosts</c>: a page on a name its author controls can re-point that
/// name at 127.0.0.1 (DNS rebinding) and then read the dashboard as its own origin, but its requests still carry that
/// name in <c>Host</c>. Subdomains of localhost are not loopback names here: only some browsers pin them to loopback,
/// and a resolver that asks DNS for them would reopen the hole. With sign-in on, a rebound name gets no cookie, so any
/// host is answered unless <c>Cmf:Security:AllowedHosts</c> narrows it.
/// </summary>
public sealed class HostPolicy
{
    private readonly bool _loopbackNames;
    private readonly StringSegment[] _patterns;

    public HostPolicy(bool loopbackNames, IEnumerable<string> allowedHosts)
    {
        ArgumentNullException.ThrowIfNull(allowedHosts);
        _loopbackNames = loopbackNames;
        _patterns = [.. allowedHosts.Where(h => !string.IsNullOrWhiteSpace(h)).Select(h => new StringSegment(h))];
    }

    public static HostPolicy From(CmfOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new HostPolicy(loopbackNames: options.Auth.Mode == AuthMode.Unsecured, options.Security.AllowedHosts);
    }

    /// <summary>Whether loopback names alone are answered (besides the list); a refusal then explains why.</summary>
    public bool LoopbackOnly => _loopbackNames;

    public bool Allows(HostString host)
    {
        // Browsers always send Host; a request without one (HTTP/1.0) cannot be a rebound page.
        if (!host.HasValue)
        {
            return true;
        }
        if (_loopbackNames && IsLoopbackName(host.Host))
        {
            return true;
        }
        return _patterns.Length == 0 ? !_loopbackNames : HostString.MatchesAny(host.Value, _patterns);
    }

    public static bool IsLoopbackName(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }
}

/// <summary>Answers 400 with the reason to a request for a host name the <see cref="HostPolicy"/> does not answer to.</summary>
internal sealed partial class HostGate(RequestDelegate next, HostPolicy policy, ILogger<HostGate> logger)
{
    public Task InvokeAsync(HttpContext context)
    {
        var host = context.Request.Host;
        if (policy.Allows(host))
        {
            return next(context);
        }
        LogRefused(logger, host.Value!);
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "text/plain; charset=utf-8";
        var why = policy.LoopbackOnly
            ? "Sign-in is off (Cmf:Auth:Mode is Unsecured), so it answers only to localhost, 127.0.0.1 and [::1] "
              + "(a web page on another name that resolves to this machine could otherwise read it: DNS rebinding). "
              + "Open it as http://localhost:<port>/, or add the name to Cmf:Security:AllowedHosts."
            : "It answers only to the names in Cmf:Security:AllowedHosts.";
        return context.Response.WriteAsync($"This dashboard does not answer to the host name '{host.Host}'. {why}\n", context.RequestAborted);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a request for the host name {Host}: it is not a name this dashboard answers to (Cmf:Security:AllowedHosts).")]
    private static partial void LogRefused(ILogger logger, string host);
}
