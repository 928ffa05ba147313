using Cmf.Core.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cmf.UnitTests.Configuration;

public sealed class CmfOptionsTests
{
    [Fact]
    public void Defaults_are_valid()
    {
        var options = Bind([]);

        Assert.Equal(ClusterMode.Auto, options.Cluster.Mode);
        Assert.Equal(Path.Combine("./data", "cmf.db"), options.DatabasePath);
        Assert.Equal(100, options.Retention.MaxInstancesPerApplication);
        Assert.Equal(100, options.Feed.CoalesceMilliseconds);
    }

    [Fact]
    public void Environment_defaults_from_a_section_are_typed_by_their_look()
    {
        var options = Bind(new()
        {
            ["Cmf:Environments:0:Name"] = "prod",
            ["Cmf:Environments:0:Namespace"] = "flink-prod",
            ["Cmf:Environments:0:FlinkApplicationDefaults:spec:job:parallelism"] = "4",
            ["Cmf:Environments:0:FlinkApplicationDefaults:spec:flinkConfiguration:state.backend.incremental"] = "true",
            ["Cmf:Environments:0:FlinkApplicationDefaults:spec:image"] = "flink:1.20",
            ["Cmf:Environments:0:FlinkApplicationDefaults:spec:job:args:0"] = "--verbose",
        });

        var defaults = options.Environments[0].FlinkApplicationDefaults!;
        Assert.Equal(4, defaults["spec"]!["job"]!["parallelism"]!.GetValue<long>());
        Assert.True(defaults["spec"]!["flinkConfiguration"]!["state.backend.incremental"]!.GetValue<bool>());
        Assert.Equal("flink:1.20", defaults["spec"]!["image"]!.GetValue<string>());
        Assert.Equal("--verbose", defaults["spec"]!["job"]!["args"]![0]!.GetValue<string>());
    }

    [Fact]
    public void Environment_defaults_given_as_json_keep_their_types()
    {
        var options = Bind(new()
        {
            ["Cmf:Environments:0:Name"] = "prod",
            ["Cmf:Environments:0:Namespace"] = "flink-prod",
            ["Cmf:Environments:0:FlinkApplicationDefaults"] = """{"spec":{"flinkConfiguration":{"taskmanager.numberOfTaskSlots":"2"}}}""",
        });

        var slots = options.Environments[0].FlinkApplicationDefaults!["spec"]!["flinkConfiguration"]!["taskmanager.numberOfTaskSlots"]!;
        Assert.Equal("2", slots.GetValue<string>());
    }

    [Fact]
    public void Malformed_environment_defaults_are_reported_with_their_key()
    {
        var error = ValidationError(new()
        {
            ["Cmf:Environments:0:Name"] = "prod",
            ["Cmf:Environments:0:Namespace"] = "flink-prod",
            ["Cmf:Environments:0:FlinkApplicationDefaults"] = "{not json",
        });

        Assert.Contains("Cmf:Environments:0:FlinkApplicationDefaults is not a JSON object", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Environment_defaults_whose_spec_is_not_an_object_are_refused()
    {
        var error = ValidationError(new()
        {
            ["Cmf:Environments:0:Name"] = "prod",
            ["Cmf:Environments:0:Namespace"] = "flink-prod",
            ["Cmf:Environments:0:FlinkApplicationDefaults"] = """{"spec":"parallelism: 2"}""",
        });

        Assert.Contains("Cmf:Environments:0:FlinkApplicationDefaults must be a partial FlinkDeployment: spec", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_environments_on_one_namespace_are_refused()
    {
        var error = ValidationError(new()
        {
            ["Cmf:Environments:0:Name"] = "prod",
            ["Cmf:Environments:0:Namespace"] = "flink",
            ["Cmf:Environments:1:Name"] = "staging",
            ["Cmf:Environments:1:Namespace"] = "flink",
        });

        Assert.Contains("binds namespace 'flink' to more than one environment (prod, staging)", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Cmf:Auth:Mode", "Token", "Cmf:Auth:Token must be set")]
    [InlineData("Cmf:Auth:Mode", "OpenIdConnect", "Cmf:Auth:OpenIdConnect:Authority must be")]
    [InlineData("Cmf:Embedding:FrameAncestors:0", "javascript:alert(1)", "is not an origin")]
    [InlineData("Cmf:Embedding:FrameAncestors:0", "https://portal.example.com/path", "is not an origin")]
    [InlineData("Cmf:Security:AllowedOrigins:0", "https://tools.example.com/app", "Cmf:Security:AllowedOrigins holds 'https://tools.example.com/app', which is not an origin")]
    [InlineData("Cmf:Security:AllowedOrigins:0", "null", "Cmf:Security:AllowedOrigins holds 'null', which is not an origin")]
    [InlineData("Cmf:Security:AllowedHosts:0", "https://dashboard.example.com", "Cmf:Security:AllowedHosts holds 'https://dashboard.example.com', which is not a host name")]
    [InlineData("Cmf:Security:AllowedHosts:0", "dashboard.example.com:8443", "Cmf:Security:AllowedHosts holds 'dashboard.example.com:8443', which is not a host name")]
    [InlineData("Cmf:Security:AllowedHosts:0", "fd00::5", "Cmf:Security:AllowedHosts holds 'fd00::5', which is not a host name")]
    [InlineData("Cmf:Security:AllowedHosts:0", "*", "Cmf:Security:AllowedHosts cannot be '*' while Cmf:Auth:Mode is Unsecured")]
    [InlineData("Cmf:ForwardedHeaders:KnownProxies:0", "ingress.example.com", "Cmf:ForwardedHeaders:KnownProxies holds 'ingress.example.com', which is not an IP address")]
    [InlineData("Cmf:ForwardedHeaders:KnownNetworks:0", "10.0.0.1/8", "Cmf:ForwardedHeaders:KnownNetworks holds '10.0.0.1/8', which is not a network")]
    [InlineData("Cmf:ForwardedHeaders:KnownNetworks:0", "10.0.0.0/33", "Cmf:ForwardedHeaders:KnownNetworks holds '10.0.0.0/33', which is not a network")]
    [InlineData("Cmf:Logging:LinkTemplate", "not a url {uid}", "Cmf:Logging:LinkTemplate must be an absolute http(s) URL")]
    [InlineData("Cmf:Cluster:Simulator:Scenario", "chaos", "must be 'demo' or 'empty'")]
    [InlineData("Cmf:Cluster:Kubeconfig", "/nonexistent/kubeconfig", "does not exist")]
    [InlineData("Cmf:Retention:MaxInstancesPerApplication", "1", "must be at least 2")]
    [InlineData("Cmf:Cluster:WatchTimeoutSeconds", "5", "between 10 and 3600")]
    public void Invalid_setting_is_refused_with_a_message_naming_the_key(string key, string value, string expected)
    {
        var error = ValidationError(new() { [key] = value });

        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Origins_are_accepted_as_frame_ancestors()
    {
        var options = Bind(new()
        {
            ["Cmf:Embedding:FrameAncestors:0"] = "https://portal.example.com",
            ["Cmf:Embedding:FrameAncestors:1"] = "http://127.0.0.1:8080",
        });

        Assert.Equal(2, options.Embedding.FrameAncestors.Count);
    }

    [Fact]
    public void Origins_host_names_proxies_and_networks_are_accepted()
    {
        var options = Bind(new()
        {
            ["Cmf:Security:AllowedOrigins:0"] = "https://tools.example.com",
            ["Cmf:Security:AllowedHosts:0"] = "dashboard.example.com",
            ["Cmf:Security:AllowedHosts:1"] = "*.apps.example.com",
            ["Cmf:Security:AllowedHosts:2"] = "10.0.0.5",
            ["Cmf:Security:AllowedHosts:3"] = "[fd00::5]",
            ["Cmf:ForwardedHeaders:KnownProxies:0"] = "10.0.0.12",
            ["Cmf:ForwardedHeaders:KnownProxies:1"] = "fd00::12",
            ["Cmf:ForwardedHeaders:KnownNetworks:0"] = "10.0.0.0/8",
            ["Cmf:ForwardedHeaders:KnownNetworks:1"] = "fd00::/8",
        });

        Assert.Equal(4, options.Security.AllowedHosts.Count);
        Assert.Equal(2, options.ForwardedHeaders.KnownNetworks.Count);
    }

    [Fact]
    public void Any_host_name_may_be_allowed_when_sign_in_is_on()
    {
        var options = Bind(new()
        {
            ["Cmf:Auth:Mode"] = "Token",
            ["Cmf:Auth:Token"] = "a-long-shared-access-token-for-tests",
            ["Cmf:Security:AllowedHosts:0"] = "*",
        });

        Assert.Equal(["*"], options.Security.AllowedHosts);
    }

    [Fact]
    public void The_store_is_sqlite_unless_configured()
    {
        Assert.Equal(StoreProviderKind.Sqlite, Bind([]).Store.Provider);
    }

    [Fact]
    public void A_postgresql_store_binds_its_connection_string()
    {
        var options = Bind(new() { ["Cmf:Store:Provider"] = "PostgreSql", ["Cmf:Store:ConnectionString"] = "Host=db;Database=cmf;Username=cmf" });

        Assert.Equal(StoreProviderKind.PostgreSql, options.Store.Provider);
        Assert.Equal("Host=db;Database=cmf;Username=cmf", options.Store.ConnectionString);
    }

    [Fact]
    public void A_postgresql_store_without_a_connection_string_is_refused_naming_the_key()
    {
        var error = ValidationError(new() { ["Cmf:Store:Provider"] = "PostgreSql" });

        Assert.Contains("Cmf:Store:ConnectionString is required", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_connection_string_that_is_not_one_is_refused()
    {
        var error = ValidationError(new() { ["Cmf:Store:Provider"] = "PostgreSql", ["Cmf:Store:ConnectionString"] = "Database=cmf" });

        Assert.Contains("Cmf:Store:ConnectionString is not a valid PostgreSQL connection string", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("65536")]
    public void A_metrics_port_outside_the_tcp_range_is_refused_naming_the_key(string port)
    {
        var error = ValidationError(new() { ["Cmf:Metrics:Port"] = port });

        Assert.Contains("Cmf:Metrics:Port must be a TCP port", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_metrics_listen_address_that_is_no_ip_address_is_refused()
    {
        var error = ValidationError(new() { ["Cmf:Metrics:Port"] = "9464", ["Cmf:Metrics:ListenAddress"] = "metrics.local" });

        Assert.Contains("Cmf:Metrics:ListenAddress must be an IP address", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Metrics_are_off_unless_a_port_is_set()
    {
        Assert.False(Bind([]).Metrics.Enabled);
    }

    private static CmfOptions Bind(Dictionary<string, string?> settings)
    {
        using var provider = Services(settings);
        return provider.GetRequiredService<IOptions<CmfOptions>>().Value;
    }

    private static string ValidationError(Dictionary<string, string?> settings)
    {
        using var provider = Services(settings);
        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<CmfOptions>>().Value);
        return string.Join(Environment.NewLine, failure.Failures);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddCmfOptions(configuration);
        return services.BuildServiceProvider();
    }
}
