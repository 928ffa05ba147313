using System.Net;

namespace Cmf.Core.Configuration;

/// <summary><c>Cmf:Metrics</c>: the Prometheus scrape endpoint, on a port of its own.</summary>
public sealed class MetricsOptions
{
    /// <summary>Serve <c>/metrics</c> on this port only (never on the dashboard's own); none: no endpoint.</summary>
    public int? Port { get; set; }

    /// <summary>The address that port listens on; none: every interface (Prometheus scrapes the pod's IP).</summary>
    public string? ListenAddress { get; set; }

    public bool Enabled => Port is not null;

    public IPAddress? ParsedListenAddress => ListenAddress is { Length: > 0 } text && IPAddress.TryParse(text.Trim('[', ']'), out var address) ? address : null;
}
