using Cmf.Core.Configuration;
using Cmf.Core.Kubernetes;
using Cmf.Dashboard.Hosting;
using Cmf.UnitTests.Deploy.Support;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cmf.UnitTests.Deploy;

public sealed class ManifestTests
{
    private const string Lease = "coordination.k8s.io/leases";

    public static TheoryData<string> Overlays => ["single", "ha", "namespaced"];

    /// <summary>What the watcher calls, from the code that builds its watches: "group/resource" -> verbs.</summary>
    private static readonly HashSet<string> WatcherGrants =
        [.. ResourceApi.Watched.SelectMany(r => ResourceApi.Verbs.Select(verb => Grant(r.Group, r.Resource, verb)))];

    private static readonly HashSet<string> ElectionGrants = [.. LeaderElection.LeaseVerbs.Select(verb => Grant("coordination.k8s.io", "leases", verb))];

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_rendered_object_is_a_typed_Kubernetes_object(string overlay)
    {
        var rendered = await RenderedOverlay.RenderAsync(overlay);

        Assert.Equal(rendered.DocumentCount, rendered.Objects.Count);
        Assert.All(rendered.Objects, o => Assert.IsAssignableFrom<IKubernetesObject<V1ObjectMeta>>(o));
        Assert.All(rendered.Objects, o => Assert.False(string.IsNullOrEmpty(((IKubernetesObject<V1ObjectMeta>)o).Metadata.Name)));
    }

    [Theory]
    [InlineData("single")]
    [InlineData("ha")]
    public async Task The_cluster_role_grants_exactly_what_the_watcher_lists_and_watches(string overlay)
    {
        var rendered = await RenderedOverlay.RenderAsync(overlay);
        var role = Assert.Single(rendered.All<V1ClusterRole>());

        Assert.Equal(WatcherGrants.Order(), Grants(role.Rules).Order());
        AssertBound(rendered, role.Metadata.Name, "ClusterRole", rendered.Deployment.Metadata.NamespaceProperty);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task The_dashboards_namespace_grants_only_the_election_Lease_verbs(string overlay)
    {
        var rendered = await RenderedOverlay.RenderAsync(overlay);
        var home = rendered.Deployment.Metadata.NamespaceProperty;
        var role = Assert.Single(rendered.All<V1Role>(), r => r.Metadata.NamespaceProperty == home);

        Assert.Equal(ElectionGrants.Order(), Grants(role.Rules).Order());
        AssertBound(rendered, role.Metadata.Name, "Role", home);
    }

    [Fact]
    public async Task The_namespaced_overlay_reads_each_environment_namespace_through_its_own_Role_and_nothing_cluster_wide()
    {
        var rendered = await RenderedOverlay.RenderAsync("namespaced");
        var options = Bind(rendered.Dashboard, _ => StrongToken());
        var environmentNamespaces = options.Environments.Select(e => e.Namespace).Order().ToList();
        var readRoles = rendered.All<V1Role>().Where(r => r.Metadata.NamespaceProperty != rendered.Deployment.Metadata.NamespaceProperty).ToList();

        Assert.Empty(rendered.All<V1ClusterRole>());
        Assert.Empty(rendered.All<V1ClusterRoleBinding>());
        Assert.Equal(2, environmentNamespaces.Count);
        Assert.Equal(environmentNamespaces, readRoles.Select(r => r.Metadata.NamespaceProperty).Order());
        Assert.All(readRoles, role =>
        {
            Assert.Equal(WatcherGrants.Order(), Grants(role.Rules).Order());
            AssertBound(rendered, role.Metadata.Name, "Role", role.Metadata.NamespaceProperty);
        });
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task No_write_verb_is_granted_on_anything_but_the_Lease(string overlay)
    {
        var rendered = await RenderedOverlay.RenderAsync(overlay);
        var rules = rendered.All<V1ClusterRole>().SelectMany(r => r.Rules).Concat(rendered.All<V1Role>().SelectMany(r => r.Rules));
        string[] reads = ["get", "list", "watch"];

        var writes = Grants(rules).Where(g => !reads.Contains(g.Split(' ')[1]) && !g.StartsWith(Lease + " ", StringComparison.Ordinal));

        Assert.Empty(writes);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task The_probes_and_the_Service_reach_the_dashboards_http_port_with_a_loopback_Host(string overlay)
    {
        var rendered = await RenderedOverlay.RenderAsync(overlay);
        var dashboard = rendered.Dashboard;
        var port = Assert.Single(dashboard.Ports, p => p.Name == "http");
        var service = Assert.Single(rendered.All<V1Service>());

        Assert.Equal(8080, port.ContainerPort);
        Assert.Equal("8080", dashboard.Env.Single(e => e.Name == "ASPNETCORE_HTTP_PORTS").Value);
        Assert.Equal(80, Assert.Single(service.Spec.Ports).Port);
        Assert.Equal(port.Name, service.Spec.Ports[0].TargetPort.Value);
        Assert.Equal("/healthz", dashboard.LivenessProbe.HttpGet.Path);
        Assert.Equal("/readyz", dashboard.ReadinessProbe.HttpGet.Path);
        Assert.All([dashboard.StartupProbe, dashboard.LivenessProbe, dashboard.ReadinessProbe], probe =>
        {
            Assert.Equal(port.Name, probe.HttpGet.Port.Value);
            Assert.Equal("localhost", Assert.Single(probe.HttpGet.HttpHeaders, h => h.Name == "Host").Value);
        });
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task The_pod_runs_as_the_images_non_root_user_on_a_read_only_root_with_writable_data_and_tmp(string overlay)
    {
        var rendered = await RenderedOverlay.RenderAsync(overlay);
        var pod = rendered.Deployment.Spec.Template.Spec;
        var dashboard = rendered.Dashboard;

        Assert.True(pod.SecurityContext.RunAsNonRoot);
        Assert.Equal(1654, pod.SecurityContext.RunAsUser);
        Assert.True(dashboard.SecurityContext.ReadOnlyRootFilesystem);
        Assert.False(dashboard.SecurityContext.AllowPrivilegeEscalation);
        Assert.Equal(["/data", "/tmp"], dashboard.VolumeMounts.Select(m => m.MountPath).Order());
        Assert.All(dashboard.VolumeMounts, m => Assert.NotEqual(true, m.ReadOnlyProperty));
        Assert.NotNull(dashboard.Resources.Requests);
        Assert.NotNull(dashboard.Resources.Limits);
        Assert.Equal("metadata.name", dashboard.Env.Single(e => e.Name == "POD_NAME").ValueFrom.FieldRef.FieldPath);
        Assert.Equal(rendered.Deployment.Spec.Template.Spec.ServiceAccountName, Assert.Single(rendered.All<V1ServiceAccount>()).Metadata.Name);
    }

    [Fact]
    public async Task The_single_overlay_keeps_SQLite_on_a_claim_with_one_replica_replaced_not_rolled()
    {
        var rendered = await RenderedOverlay.RenderAsync("single");
        var deployment = rendered.Deployment;
        var data = deployment.Spec.Template.Spec.Volumes.Single(v => v.Name == "data");

        Assert.Equal(1, deployment.Spec.Replicas);
        Assert.Equal("Recreate", deployment.Spec.Strategy.Type);
        Assert.Equal(Assert.Single(rendered.All<V1PersistentVolumeClaim>()).Metadata.Name, data.PersistentVolumeClaim.ClaimName);
        Assert.Equal(StoreProviderKind.Sqlite, Bind(rendered.Dashboard, _ => StrongToken()).Store.Provider);
    }

    [Fact]
    public async Task The_ha_overlays_settings_pass_the_dashboards_validation_but_for_the_Lease_namespace_a_pod_supplies()
    {
        var rendered = await RenderedOverlay.RenderAsync("ha");
        var deployment = rendered.Deployment;
        var secrets = new Dictionary<string, string>
        {
            ["cmf-dashboard-auth/token"] = StrongToken(),
            ["cmf-dashboard-postgresql/connectionString"] = "Host=db;Database=cmf;Username=cmf;Password=secret",
        };

        var errors = Validate(rendered.Dashboard, key => secrets[key]);

        Assert.Equal(3, deployment.Spec.Replicas);
        Assert.NotNull(Assert.Single(rendered.All<V1PodDisruptionBudget>()).Spec.MaxUnavailable);
        Assert.NotNull(deployment.Spec.Template.Spec.Affinity.PodAntiAffinity);
        var options = Bind(rendered.Dashboard, key => secrets[key]);
        Assert.True(options.HighAvailability.Enabled);
        Assert.Equal(StoreProviderKind.PostgreSql, options.Store.Provider);
        Assert.Equal(AuthMode.Token, options.Auth.Mode);
        // Outside a pod the Lease namespace cannot default to the pod's; every other setting must already be valid.
        var expected = File.Exists(HighAvailabilityOptions.ServiceAccountNamespaceFile) ? 0 : 1;
        Assert.Equal(expected, errors.Count);
        Assert.All(errors, e => Assert.StartsWith("Cmf:HighAvailability:LeaseNamespace must be set outside a Kubernetes pod", e, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("single")]
    [InlineData("ha")]
    [InlineData("namespaced")]
    public async Task Prometheus_scrapes_the_port_the_dashboard_serves_metrics_on(string overlay)
    {
        var rendered = await RenderedOverlay.RenderAsync(overlay);
        var annotations = rendered.DashboardPodAnnotations;
        var port = Bind(rendered.Dashboard, _ => StrongToken()).Metrics.Port;

        Assert.Equal("true", annotations["prometheus.io/scrape"]);
        Assert.Equal("/metrics", annotations["prometheus.io/path"]);
        Assert.Equal(port?.ToString(System.Globalization.CultureInfo.InvariantCulture), annotations["prometheus.io/port"]);
        Assert.Contains(rendered.Dashboard.Ports, p => p.Name == "metrics" && p.ContainerPort == port);
    }

    private static string Grant(string group, string resource, string verb) => $"{group}/{resource} {verb}";

    private static List<string> Grants(IEnumerable<V1PolicyRule> rules) =>
        [.. rules.SelectMany(rule => rule.ApiGroups.SelectMany(group => rule.Resources.SelectMany(resource => rule.Verbs.Select(verb => Grant(group, resource, verb))))).Distinct()];

    private static void AssertBound(RenderedOverlay rendered, string roleName, string roleKind, string roleNamespace)
    {
        var account = rendered.Deployment.Spec.Template.Spec.ServiceAccountName;
        var accountNamespace = rendered.Deployment.Metadata.NamespaceProperty;
        var subjects = roleKind == "ClusterRole"
            ? rendered.All<V1ClusterRoleBinding>().Where(b => b.RoleRef.Kind == roleKind && b.RoleRef.Name == roleName).SelectMany(b => b.Subjects)
            : rendered.All<V1RoleBinding>().Where(b => b.Metadata.NamespaceProperty == roleNamespace && b.RoleRef.Kind == roleKind && b.RoleRef.Name == roleName).SelectMany(b => b.Subjects);
        Assert.Contains(subjects, s => s.Kind == "ServiceAccount" && s.Name == account && s.NamespaceProperty == accountNamespace);
    }

    /// <summary>The container's environment as the dashboard's configuration sees it; a Secret's value comes from <paramref name="secret"/>.</summary>
    internal static IConfiguration Configuration(V1Container container, Func<string, string> secret) =>
        new ConfigurationBuilder().AddInMemoryCollection(container.Env.Select(e => KeyValuePair.Create(
            e.Name.Replace("__", ":", StringComparison.Ordinal),
            (string?)(e.Value ?? (e.ValueFrom.SecretKeyRef is { } key ? secret($"{key.Name}/{key.Key}") : "from-the-downward-api"))))).Build();

    private static CmfOptions Bind(V1Container container, Func<string, string> secret)
    {
        var options = new CmfOptions();
        Configuration(container, secret).GetSection(CmfOptions.SectionName).Bind(options);
        return options;
    }

    private static List<string> Validate(V1Container container, Func<string, string> secret)
    {
        var services = new ServiceCollection();
        services.AddCmfOptions(Configuration(container, secret));
        using var provider = services.BuildServiceProvider();
        try
        {
            _ = provider.GetRequiredService<IOptions<CmfOptions>>().Value;
            return [];
        }
        catch (OptionsValidationException e)
        {
            return [.. e.Failures];
        }
    }

    internal static string StrongToken() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
}
