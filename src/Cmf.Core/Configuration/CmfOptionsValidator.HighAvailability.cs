namespace Cmf.Core.Configuration;

public sealed partial class CmfOptionsValidator
{
    // client-go leaderelection.NewLeaderElector refuses renewDeadline <= JitterFactor * retryPeriod.
    private const double LeaderElectionJitterFactor = 1.2;

    private static void ValidateHighAvailability(CmfOptions options, List<string> errors)
    {
        var ha = options.HighAvailability;
        if (!ha.Enabled)
        {
            return;
        }
        if (string.IsNullOrWhiteSpace(ha.LeaseName) || ha.LeaseName.Length > 253 || !KubernetesSubdomain().IsMatch(ha.LeaseName))
        {
            errors.Add($"Cmf:HighAvailability:LeaseName '{ha.LeaseName}' must be a Kubernetes object name (lowercase DNS subdomain, default cmf-fa-dashboard).");
        }
        if (ha.ResolveLeaseNamespace(HighAvailabilityOptions.ReadFileIfExists) is not { } leaseNamespace)
        {
            errors.Add($"Cmf:HighAvailability:LeaseNamespace must be set outside a Kubernetes pod (in a pod it defaults to the pod's namespace from {HighAvailabilityOptions.ServiceAccountNamespaceFile}).");
        }
        else if (!KubernetesName().IsMatch(leaseNamespace))
        {
            errors.Add($"Cmf:HighAvailability:LeaseNamespace '{leaseNamespace}' must be a Kubernetes namespace name.");
        }
        if (ha.Identity is { Length: > 0 } identity && string.IsNullOrWhiteSpace(identity))
        {
            errors.Add("Cmf:HighAvailability:Identity must not be blank (leave it empty for POD_NAME, else host name and process id).");
        }
        ValidateLeaderElectionTimings(ha, errors);
        if (options.Store.Provider != StoreProviderKind.PostgreSql)
        {
            errors.Add($"Cmf:HighAvailability:Enabled needs Cmf:Store:Provider PostgreSql: replicas share one database, and a SQLite file belongs to one process (Cmf:Store:Provider is {options.Store.Provider}).");
        }
        switch (options.Cluster.Mode)
        {
            case ClusterMode.Simulated:
                errors.Add("Cmf:HighAvailability:Enabled needs a real cluster: with Cmf:Cluster:Mode Simulated each replica would start its own simulated cluster. "
                    + "Use Cmf:Cluster:Mode Kubernetes (a kubeconfig) or run in a cluster.");
                break;
            case ClusterMode.None:
                errors.Add("Cmf:HighAvailability:Enabled needs a cluster to elect a leader in and to watch; Cmf:Cluster:Mode is None.");
                break;
        }
    }

    private static void ValidateLeaderElectionTimings(HighAvailabilityOptions ha, List<string> errors)
    {
        if (ha.LeaseDurationSeconds < 1 || ha.RenewDeadlineSeconds < 1 || ha.RetryPeriodSeconds < 1)
        {
            errors.Add("Cmf:HighAvailability:LeaseDurationSeconds, RenewDeadlineSeconds and RetryPeriodSeconds must each be at least 1 (defaults 15, 10, 2).");
            return;
        }
        if (ha.LeaseDurationSeconds <= ha.RenewDeadlineSeconds)
        {
            errors.Add($"Cmf:HighAvailability:LeaseDurationSeconds ({ha.LeaseDurationSeconds}) must be greater than RenewDeadlineSeconds ({ha.RenewDeadlineSeconds}): "
                + "a leader must give up before another replica may take the lease.");
        }
        if (ha.RenewDeadlineSeconds <= LeaderElectionJitterFactor * ha.RetryPeriodSeconds)
        {
            errors.Add($"Cmf:HighAvailability:RenewDeadlineSeconds ({ha.RenewDeadlineSeconds}) must be greater than {LeaderElectionJitterFactor} x RetryPeriodSeconds ({ha.RetryPeriodSeconds}), as client-go's leader election requires.");
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial System.Text.RegularExpressions.Regex KubernetesSubdomain();
}
