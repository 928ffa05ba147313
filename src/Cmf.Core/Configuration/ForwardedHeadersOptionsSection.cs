namespace Cmf.Core.Configuration;

/// <summary>
/// <c>Cmf:ForwardedHeaders</c>: the proxies (a TLS-terminating ingress) whose <c>X-Forwarded-For</c>, <c>-Proto</c> and
/// <c>-Host</c> the dashboard believes. Empty: nobody's, the headers are ignored.
/// </summary>
public sealed class ForwardedHeadersOptionsSection
{
    /// <summary>IP addresses of proxies, such as <c>10.0.0.12</c> or <c>fd00::12</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of proxies in CIDR notation, such as <c>10.0.0.0/8</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];
}
