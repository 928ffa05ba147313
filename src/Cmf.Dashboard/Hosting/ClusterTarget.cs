using Cmf.Core.Configuration;

namespace Cmf.Dashboard.Hosting;

/// <summary>Where the watcher connects: the cluster the pod runs in, a kubeconfig, or the built-in simulator.</summary>
public sealed record ClusterTarget(ClusterTargetKind Kind, string? KubeconfigPath, string Description)
{
    public bool IsSimulated => Kind == ClusterTargetKind.Simulator;

    /// <summary>
    /// <c>Auto</c> takes in-cluster credentials when present, else a kubeconfig (<c>Cmf:Cluster:Kubeconfig</c>,
    /// <c>KUBECONFIG</c>, <c>~/.kube/config</c>), else the simulator. Environment facts are passed in so this stays testable.
    /// </summary>
    public static ClusterTarget Resolve(ClusterOptions cluster, string dataDirectory, ClusterEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(environment);
        var simulator = new ClusterTarget(
            ClusterTargetKind.Simulator,
            Path.GetFullPath(Path.Combine(dataDirectory, "simulator.kubeconfig")),
            "the built-in simulated cluster");
        if (cluster.Mode == ClusterMode.Simulated)
        {
            return simulator;
        }
        if (cluster.Mode == ClusterMode.None)
        {
            return new ClusterTarget(ClusterTargetKind.None, null, "no cluster (Cmf:Cluster:Mode is None)");
        }
        if (cluster.Mode == ClusterMode.Auto && environment.InCluster)
        {
            return new ClusterTarget(ClusterTargetKind.InCluster, null, "the cluster this pod runs in");
        }
        var kubeconfig = FindKubeconfig(cluster.Kubeconfig, environment);
        if (kubeconfig is not null)
        {
            return new ClusterTarget(ClusterTargetKind.Kubeconfig, kubeconfig, $"the cluster of kubeconfig {kubeconfig}");
        }
        if (cluster.Mode == ClusterMode.Kubernetes)
        {
            return environment.InCluster
                ? new ClusterTarget(ClusterTargetKind.InCluster, null, "the cluster this pod runs in")
                : throw new InvalidOperationException(
                    "Cmf:Cluster:Mode is Kubernetes, but there are no in-cluster credentials and no kubeconfig " +
                    "(set Cmf:Cluster:Kubeconfig or KUBECONFIG, or create ~/.kube/config).");
        }
        return simulator;
    }

    private static string? FindKubeconfig(string? configured, ClusterEnvironment environment)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }
        if (!string.IsNullOrWhiteSpace(environment.KubeconfigVariable))
        {
            // KUBECONFIG may list several files; the first that exists is the one we read.
            var first = environment.KubeconfigVariable.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .FirstOrDefault(environment.FileExists);
            if (first is not null)
            {
                return Path.GetFullPath(first);
            }
        }
        var home = Path.Combine(environment.HomeDirectory, ".kube", "config");
        return environment.FileExists(home) ? home : null;
    }
}

public enum ClusterTargetKind
{
    InCluster,
    Kubeconfig,
    Simulator,

    /// <summary>Nothing is watched; the dashboard shows what the database holds.</summary>
    None,
}

/// <summary>The facts of the machine that decide the cluster target.</summary>
public sealed record ClusterEnvironment(bool InCluster, string? KubeconfigVariable, string HomeDirectory, Func<string, bool> FileExists)
{
    public static ClusterEnvironment Current => new(
        k8s.KubernetesClientConfiguration.IsInCluster(),
        Environment.GetEnvironmentVariable("KUBECONFIG"),
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
        File.Exists);
}
