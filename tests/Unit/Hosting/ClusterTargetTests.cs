using Cmf.Core.Configuration;
using Cmf.Dashboard.Hosting;

namespace Cmf.UnitTests.Hosting;

public sealed class ClusterTargetTests
{
    private static readonly string Data = Path.Combine(Path.GetTempPath(), "cmf-target-data");

    [Fact]
    public void Auto_without_credentials_or_kubeconfig_starts_the_built_in_simulator()
    {
        var target = ClusterTarget.Resolve(new ClusterOptions(), Data, Machine());

        Assert.Equal(ClusterTargetKind.Simulator, target.Kind);
        Assert.Equal(Path.GetFullPath(Path.Combine(Data, "simulator.kubeconfig")), target.KubeconfigPath);
    }

    [Fact]
    public void Auto_prefers_in_cluster_credentials()
    {
        var target = ClusterTarget.Resolve(new ClusterOptions(), Data, Machine(inCluster: true, files: ["/home/op/.kube/config"]));

        Assert.Equal(ClusterTargetKind.InCluster, target.Kind);
    }

    [Fact]
    public void Auto_takes_the_configured_kubeconfig_before_the_variable_and_the_home_file()
    {
        var options = new ClusterOptions { Kubeconfig = "/etc/cmf/kubeconfig" };

        var target = ClusterTarget.Resolve(options, Data, Machine(variable: "/tmp/a", files: ["/tmp/a", "/home/op/.kube/config"]));

        Assert.Equal("/etc/cmf/kubeconfig", target.KubeconfigPath);
    }

    [Fact]
    public void Auto_takes_the_first_existing_file_of_KUBECONFIG()
    {
        var target = ClusterTarget.Resolve(new ClusterOptions(), Data, Machine(variable: "/missing:/tmp/b:/tmp/c", files: ["/tmp/b", "/tmp/c"]));

        Assert.Equal(ClusterTargetKind.Kubeconfig, target.Kind);
        Assert.Equal("/tmp/b", target.KubeconfigPath);
    }

    [Fact]
    public void Auto_falls_back_to_the_home_kubeconfig()
    {
        var target = ClusterTarget.Resolve(new ClusterOptions(), Data, Machine(files: ["/home/op/.kube/config"]));

        Assert.Equal("/home/op/.kube/config", target.KubeconfigPath);
    }

    [Fact]
    public void Kubernetes_mode_without_any_credentials_is_refused_with_the_keys_to_set()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            ClusterTarget.Resolve(new ClusterOptions { Mode = ClusterMode.Kubernetes }, Data, Machine()));

        Assert.Contains("Cmf:Cluster:Kubeconfig", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulated_mode_ignores_a_present_kubeconfig()
    {
        var target = ClusterTarget.Resolve(new ClusterOptions { Mode = ClusterMode.Simulated }, Data, Machine(files: ["/home/op/.kube/config"]));

        Assert.True(target.IsSimulated);
    }

    [Fact]
    public void None_mode_watches_nothing()
    {
        var target = ClusterTarget.Resolve(new ClusterOptions { Mode = ClusterMode.None }, Data, Machine(inCluster: true));

        Assert.Equal(ClusterTargetKind.None, target.Kind);
    }

    private static ClusterEnvironment Machine(bool inCluster = false, string? variable = null, string[]? files = null) =>
        new(inCluster, variable, "/home/op", path => (files ?? []).Contains(path));
}
