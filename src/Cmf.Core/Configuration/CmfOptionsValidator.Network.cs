using System.Net;

namespace Cmf.Core.Configuration;

/// <summary><c>Cmf:Security</c> and <c>Cmf:ForwardedHeaders</c>: origins, host names and proxies, each entry checked.</summary>
public sealed partial class CmfOptionsValidator
{
    private static void ValidateNetwork(CmfOptions options, List<string> errors)
    {
        foreach (var origin in options.Security.AllowedOrigins.Where(o => !IsOrigin(o)))
        {
            errors.Add($"Cmf:Security:AllowedOrigins holds '{origin}', which is not an origin such as https://portal.example.com or http://127.0.0.1:8080 (scheme, host and port, no path).");
        }
        foreach (var host in options.Security.AllowedHosts.Where(h => !IsHostPattern(h)))
        {
            errors.Add($"Cmf:Security:AllowedHosts holds '{host}', which is not a host name such as dashboard.example.com, *.example.com, 10.0.0.5 or [fd00::5] (no scheme, port or path), nor '*'.");
        }
        if (options.Auth.Mode == AuthMode.Unsecured && options.Security.AllowedHosts.Contains("*"))
        {
            errors.Add("Cmf:Security:AllowedHosts cannot be '*' while Cmf:Auth:Mode is Unsecured: a web page on any name that resolves to this machine "
                + "could read the dashboard (DNS rebinding). List the host names you use, or turn sign-in on.");
        }
        foreach (var proxy in options.ForwardedHeaders.KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
        {
            errors.Add($"Cmf:ForwardedHeaders:KnownProxies holds '{proxy}', which is not an IP address such as 10.0.0.12 or fd00::12.");
        }
        foreach (var network in options.ForwardedHeaders.KnownNetworks.Where(n => !IsNetwork(n)))
        {
            errors.Add($"Cmf:ForwardedHeaders:KnownNetworks holds '{network}', which is not a network in CIDR notation such as 10.0.0.0/8 (no bits set after the prefix).");
        }
    }

    // IPNetwork clears the bits after the prefix; 10.0.0.1/8 more likely means one proxy than a /8, so it is refused.
    private static bool IsNetwork(string value) =>
        IPNetwork.TryParse(value, out var network)
        && IPAddress.TryParse(value.Split('/')[0], out var start) && start.Equals(network.BaseAddress);

    private static bool IsHostPattern(string value)
    {
        if (value == "*")
        {
            return true;
        }
        var host = value.StartsWith("*.", StringComparison.Ordinal) ? value[2..] : value;
        return Uri.CheckHostName(host) switch
        {
            UriHostNameType.Dns or UriHostNameType.IPv4 => true,
            // Host headers carry IPv6 addresses in brackets, and so must the pattern that matches them.
            UriHostNameType.IPv6 => host.StartsWith('['),
            _ => false,
        };
    }
}
