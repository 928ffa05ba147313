using System.Net;
using Cmf.Core.Configuration;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace Cmf.Dashboard.Security;

/// <summary>
/// The proxies of <c>Cmf:ForwardedHeaders</c> whose <c>X-Forwarded-For</c>, <c>-Proto</c> and <c>-Host</c> become the
/// request's client address, scheme and host (so a TLS-terminating ingress yields https: Secure cookies, HSTS, https
/// sign-in redirects, the right own origin). With none configured the headers are not read at all: ASP.NET's
/// middleware would otherwise believe loopback, or anyone when its lists are emptied.
/// </summary>
public sealed class TrustedProxies
{
    private TrustedProxies(IReadOnlyList<IPAddress> proxies, IReadOnlyList<IPNetwork> networks)
    {
        Proxies = proxies;
        Networks = networks;
    }

    public IReadOnlyList<IPAddress> Proxies { get; }

    public IReadOnlyList<IPNetwork> Networks { get; }

    public bool AnyConfigured => Proxies.Count > 0 || Networks.Count > 0;

    /// <summary>Entries that do not parse are left out here; <see cref="CmfOptionsValidator"/> stops the start-up over them.</summary>
    public static TrustedProxies From(ForwardedHeadersOptionsSection options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new TrustedProxies(
            [.. options.KnownProxies.Select(p => IPAddress.TryParse(p, out var ip) ? ip : null).OfType<IPAddress>()],
            [.. options.KnownNetworks.Select(n => IPNetwork.TryParse(n, out var network) ? network : (IPNetwork?)null).OfType<IPNetwork>()]);
    }

    public void Configure(ForwardedHeadersOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // None without proxies: ASPNETCORE_FORWARDEDHEADERS_ENABLED=true would otherwise add the middleware believing anyone.
        options.ForwardedHeaders = AnyConfigured
            ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost
            : ForwardedHeaders.None;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in Proxies)
        {
            options.KnownProxies.Add(proxy);
        }
        foreach (var network in Networks)
        {
            options.KnownIPNetworks.Add(network);
        }
        // Unwrap every hop a known proxy added, and stop at the first address that is not one: that is the client.
        options.ForwardLimit = null;
    }
}
