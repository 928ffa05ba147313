namespace Cmf.Core.Configuration;

public sealed partial class CmfOptionsValidator
{
    private static void ValidateMetrics(MetricsOptions metrics, List<string> errors)
    {
        if (metrics.Port is { } port && port is < 1 or > 65535)
        {
            errors.Add($"Cmf:Metrics:Port must be a TCP port between 1 and 65535 (leave it unset for no /metrics); got {port}.");
        }
        if (metrics.ListenAddress is { Length: > 0 } address && metrics.ParsedListenAddress is null)
        {
            errors.Add($"Cmf:Metrics:ListenAddress must be an IP address such as 0.0.0.0, 127.0.0.1 or [::]; got '{address}'.");
        }
    }
}
