namespace Cmf.Core.Configuration;

/// <summary>
/// Several dashboard replicas behind one Service (<c>Cmf:HighAvailability</c>): every replica serves pages, the one
/// holding a coordination.k8s.io Lease runs the watcher and the writer. Durations default to client-go's
/// leaderelection defaults (15 s, 10 s, 2 s).
/// </summary>
public sealed class HighAvailabilityOptions
{
    /// <summary>Where in-cluster pods learn their namespace.</summary>
    public const string ServiceAccountNamespaceFile = "/var/run/secrets/kubernetes.io/serviceaccount/namespace";

    public bool Enabled { get; set; }

    public string LeaseName { get; set; } = "cmf-fa-dashboard";

    /// <summary>Empty: the pod's namespace when running in a cluster; required otherwise.</summary>
    public string? LeaseNamespace { get; set; }

    /// <summary>Empty: <c>POD_NAME</c>, else host name and process id, so two replicas on one machine never share one.</summary>
    public string? Identity { get; set; }

    public int LeaseDurationSeconds { get; set; } = 15;

    public int RenewDeadlineSeconds { get; set; } = 10;

    public int RetryPeriodSeconds { get; set; } = 2;

    /// <summary>The configured identity, else <c>POD_NAME</c>, else <c>{host}-{pid}</c>.</summary>
    public string ResolveIdentity() =>
        NonEmpty(Identity) ?? NonEmpty(Environment.GetEnvironmentVariable("POD_NAME")) ?? $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>The configured namespace, else the pod's (null outside a cluster).</summary>
    public string? ResolveLeaseNamespace(Func<string, string?> readFile) =>
        NonEmpty(LeaseNamespace) ?? NonEmpty(readFile(ServiceAccountNamespaceFile)?.Trim());

    /// <summary>Reads a file, or null when it does not exist.</summary>
    public static string? ReadFileIfExists(string path) => File.Exists(path) ? File.ReadAllText(path) : null;

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
