using System.Text.RegularExpressions;

namespace Cmf.Dashboard.Api;

/// <summary>
/// The names a route may carry. Environments are named like namespaces (RFC 1123 labels); applications are
/// FlinkDeployment names (RFC 1123 subdomains). Anything else cannot exist, so it is a bad request, not a lookup.
/// </summary>
public static partial class KubernetesNames
{
    public const int MaxLabelLength = 63;
    public const int MaxSubdomainLength = 253;

    public static bool IsEnvironmentName(string? value) => value is { Length: > 0 and <= MaxLabelLength } && Label().IsMatch(value);

    public static bool IsApplicationName(string? value) => value is { Length: > 0 and <= MaxSubdomainLength } && Subdomain().IsMatch(value);

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Label();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Subdomain();
}
