using Cmf.Core.Configuration;
using Cmf.Core.Feed;
using Cmf.Core.Ingest;
using Cmf.Core.Kubernetes;
using Cmf.Core.Model;
using Cmf.Core.Storage;
using Cmf.Core.Storage.Sqlite;
using Cmf.Core.Tracking;
using Cmf.Dashboard.Components.Pages;
using Cmf.Dashboard.Model;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Cmf.Dashboard.Hosting;

/// <summary>Wires the core (options, store, change feed, watcher) into the dashboard host.</summary>
public static class CmfHosting
{
    public static WebApplicationBuilder AddCmfCore(this WebApplicationBuilder builder, ClusterEnvironment? environment = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddCmfOptions(builder.Configuration);

        // Decided once at start-up: the layout's simulator banner and the store's file depend on it.
        var options = builder.Configuration.GetSection(CmfOptions.SectionName).Get<CmfOptions>() ?? new CmfOptions();
        var target = ClusterTarget.Resolve(options.Cluster, options.DataDirectory, environment ?? ClusterEnvironment.Current);
        services.AddSingleton(target);
        services.AddSingleton(new DashboardRuntime(RunsOnSimulator: target.IsSimulated));

        services.AddStore(
            options.Store,
            options.DatabasePath,
            new StoreOptions { MaxEventsPerApplication = options.Retention.MaxEventsPerApplication });
        if (options.Store.Provider == StoreProviderKind.PostgreSql)
        {
            services.AddHostedService<ChangeListenerService>();
        }
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => Options.Create(sp.GetRequiredService<IOptions<CmfOptions>>().Value.Feed));
        services.AddSingleton<ChangeFeed>();
        services.AddSingleton<SharedApplicationPages>();
        services.AddSingleton<LiveViews>();
        services.AddSingleton<WatchHealth>();
        services.AddSingleton<RelistSignal>();
        services.AddSingleton(sp => Catalog(sp.GetRequiredService<IOptions<CmfOptions>>().Value, target));
        services.AddSingleton(sp =>
        {
            var cmf = sp.GetRequiredService<IOptions<CmfOptions>>().Value;
            return new IngestSettings(new TrackerSettings(cmf.Retention.MaxInstancesPerApplication));
        });
        services.AddSingleton(sp =>
        {
            var cluster = sp.GetRequiredService<IOptions<CmfOptions>>().Value.Cluster;
            return new ClusterWatcherSettings(cluster.WatchTimeoutSeconds, TimeSpan.FromSeconds(cluster.WatchdogSeconds));
        });
        services.AddSingleton<IngestPipeline>();
        services.AddHostedService<ClusterIngestService>();

        // --- High availability (issue 14, leader election): begin ---
        AddLeadership(services, options.HighAvailability, target);
        // --- High availability (issue 14, leader election): end ---
        return builder;
    }

    private static void AddLeadership(IServiceCollection services, HighAvailabilityOptions ha, ClusterTarget target)
    {
        services.AddSingleton(new Leadership(ha.ResolveIdentity(), elected: ha.Enabled));
        if (!ha.Enabled)
        {
            return;
        }
        if (target.Kind is not (ClusterTargetKind.InCluster or ClusterTargetKind.Kubeconfig))
        {
            throw new InvalidOperationException(
                $"Cmf:HighAvailability:Enabled needs a real cluster, but the target is {target.Description}: "
                + "each replica would start its own simulated cluster. Set Cmf:Cluster:Mode Kubernetes with a kubeconfig, or run in a cluster.");
        }
        services.AddSingleton(new LeaderElectionSettings(
            ha.ResolveLeaseNamespace(HighAvailabilityOptions.ReadFileIfExists) ?? "",
            ha.LeaseName,
            TimeSpan.FromSeconds(ha.LeaseDurationSeconds),
            TimeSpan.FromSeconds(ha.RenewDeadlineSeconds),
            TimeSpan.FromSeconds(ha.RetryPeriodSeconds)));
        services.AddSingleton<LeaderElection>();
    }

    private static EnvironmentCatalog Catalog(CmfOptions options, ClusterTarget target)
    {
        if (target.IsSimulated && options.Environments.Count == 0 && options.Cluster.Simulator.Scenario == "demo")
        {
            // Every namespace, so `kubectl apply -f app.yaml` (namespace default) shows up next to the demo's.
            return new EnvironmentCatalog(DemoEnvironments.All, watchAllNamespaces: true);
        }
        return EnvironmentCatalog.From(options);
    }
}
