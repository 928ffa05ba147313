using System.Net;
using Cmf.Core.Configuration;
using Cmf.Dashboard.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;

namespace Cmf.UnitTests.Security;

/// <summary>How Cmf:ForwardedHeaders becomes ASP.NET's forwarded-headers options.</summary>
public sealed class TrustedProxiesTests
{
    [Fact]
    public void Only_the_configured_proxies_are_believed_not_aspnets_loopback_defaults()
    {
        var options = new ForwardedHeadersOptions();

        TrustedProxies.From(new ForwardedHeadersOptionsSection { KnownProxies = ["10.0.0.12"], KnownNetworks = ["fd00::/8"] }).Configure(options);

        Assert.Equal([IPAddress.Parse("10.0.0.12")], options.KnownProxies);
        Assert.Equal([System.Net.IPNetwork.Parse("fd00::/8")], options.KnownIPNetworks);
        Assert.Equal(ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost, options.ForwardedHeaders);
    }

    [Fact]
    public void Without_proxies_no_header_is_read_even_when_aspnets_switch_adds_the_middleware()
    {
        // What ASPNETCORE_FORWARDEDHEADERS_ENABLED=true configures: every header, from anyone.
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();

        TrustedProxies.From(new ForwardedHeadersOptionsSection()).Configure(options);

        Assert.Equal(ForwardedHeaders.None, options.ForwardedHeaders);
    }
}
