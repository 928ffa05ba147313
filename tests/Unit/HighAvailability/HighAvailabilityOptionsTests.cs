using Cmf.Core.Configuration;

namespace Cmf.UnitTests.HighAvailability;

public sealed class HighAvailabilityOptionsTests
{
    [Fact]
    public void High_availability_is_off_by_default_with_client_go_timings()
    {
        var ha = new CmfOptions().HighAvailability;

        Assert.False(ha.Enabled);
        Assert.Equal("cmf-fa-dashboard", ha.LeaseName);
        Assert.Equal((15, 10, 2), (ha.LeaseDurationSeconds, ha.RenewDeadlineSeconds, ha.RetryPeriodSeconds));
        Assert.Empty(Errors(new CmfOptions()));
    }

    [Fact]
    public void Enabled_with_a_kubernetes_cluster_and_a_lease_namespace_is_valid()
    {
        Assert.Empty(Errors(Enabled()));
    }

    [Fact]
    public void Enabled_outside_a_pod_without_a_lease_namespace_is_refused()
    {
        var options = Enabled();
        options.HighAvailability.LeaseNamespace = null;

        Assert.Contains(Errors(options), e => e.StartsWith("Cmf:HighAvailability:LeaseNamespace must be set outside a Kubernetes pod", StringComparison.Ordinal));
    }

    [Fact]
    public void The_lease_namespace_defaults_to_the_pods_namespace()
    {
        var ha = new HighAvailabilityOptions();

        var resolved = ha.ResolveLeaseNamespace(path => path == HighAvailabilityOptions.ServiceAccountNamespaceFile ? "flink-dashboards\n" : null);

        Assert.Equal("flink-dashboards", resolved);
    }

    [Fact]
    public void The_identity_defaults_to_something_two_processes_on_one_machine_do_not_share()
    {
        var configured = new HighAvailabilityOptions { Identity = "replica-a" }.ResolveIdentity();
        var fallback = new HighAvailabilityOptions().ResolveIdentity();

        Assert.Equal("replica-a", configured);
        Assert.True(fallback == Environment.GetEnvironmentVariable("POD_NAME") || fallback.EndsWith($"-{Environment.ProcessId}", StringComparison.Ordinal), fallback);
    }

    [Fact]
    public void Enabled_on_a_sqlite_file_is_refused()
    {
        var options = Enabled();
        options.Store.Provider = StoreProviderKind.Sqlite;

        Assert.Contains(Errors(options), e => e.StartsWith("Cmf:HighAvailability:Enabled needs Cmf:Store:Provider PostgreSql", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(ClusterMode.Simulated, "each replica would start its own simulated cluster")]
    [InlineData(ClusterMode.None, "Cmf:Cluster:Mode is None")]
    public void Enabled_without_a_real_cluster_is_refused(ClusterMode mode, string message)
    {
        var options = Enabled();
        options.Cluster.Mode = mode;

        Assert.Contains(Errors(options), e => e.StartsWith("Cmf:HighAvailability:Enabled", StringComparison.Ordinal) && e.Contains(message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(10, 10, 2, "Cmf:HighAvailability:LeaseDurationSeconds (10) must be greater than RenewDeadlineSeconds (10)")]
    [InlineData(15, 2, 2, "Cmf:HighAvailability:RenewDeadlineSeconds (2) must be greater than 1.2 x RetryPeriodSeconds (2)")]
    [InlineData(15, 10, 0, "must each be at least 1")]
    public void Timings_must_keep_client_go_order(int lease, int renew, int retry, string message)
    {
        var options = Enabled();
        (options.HighAvailability.LeaseDurationSeconds, options.HighAvailability.RenewDeadlineSeconds, options.HighAvailability.RetryPeriodSeconds) = (lease, renew, retry);

        Assert.Contains(Errors(options), e => e.Contains(message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Cmf-Lease")]
    [InlineData("lease_1")]
    public void The_lease_name_must_be_a_kubernetes_object_name(string name)
    {
        var options = Enabled();
        options.HighAvailability.LeaseName = name;

        Assert.Contains(Errors(options), e => e.StartsWith($"Cmf:HighAvailability:LeaseName '{name}'", StringComparison.Ordinal));
    }

    [Fact]
    public void Settings_of_a_disabled_high_availability_are_not_checked()
    {
        var options = new CmfOptions();
        options.HighAvailability.LeaseDurationSeconds = 1;

        Assert.Empty(Errors(options));
    }

    private static CmfOptions Enabled()
    {
        var options = new CmfOptions();
        options.Cluster.Mode = ClusterMode.Kubernetes;
        options.HighAvailability.Enabled = true;
        options.HighAvailability.LeaseNamespace = "default";
        options.Store.Provider = StoreProviderKind.PostgreSql;
        options.Store.ConnectionString = "Host=db.example.com;Database=cmf";
        return options;
    }

    private static IReadOnlyList<string> Errors(CmfOptions options) =>
        new CmfOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];
}
