using Cmf.Core.Configuration;
using Cmf.Core.Ingest;
using Cmf.Core.Kubernetes;
using Cmf.Core.Storage;
using Cmf.Simulator;
using Microsoft.Extensions.Options;
using k8s;

namespace Cmf.Dashboard.Hosting;

/// <summary>
/// The imperative shell's entry point: prepares the store, starts the built-in simulator when that is the
/// target, and keeps the watcher running (restarting it with a pause if it ever fails). With high availability it runs
/// the watcher only while this replica leads (<see cref="LeaderElection"/>), a new one each term.
/// </summary>
internal sealed class ClusterIngestService(
    ClusterTarget target,
    IOptions<CmfOptions> options,
    WatchHealth health,
    InstanceStore store,
    IServiceProvider services,
    ILogger<ClusterIngestService> logger) : BackgroundService
{
    private SimulatorServer? _simulator;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.Value.DataDirectory);
        await store.InitializeAsync(cancellationToken);
        if (target.IsSimulated)
        {
            var simulator = options.Value.Cluster.Simulator;
            _simulator = await SimulatorServer.StartAsync(
                new SimulatorOptions { Scenario = simulator.Scenario, Seed = simulator.Seed ?? Random.Shared.Next(), Speed = simulator.Speed },
                cancellationToken);
            _simulator.WriteKubeconfig(target.KubeconfigPath!);
            logger.LogInformation("Simulated cluster listening on {Url}; kubeconfig {Path}.", _simulator.BaseUrl, target.KubeconfigPath);
        }
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_simulator is not null)
        {
            await _simulator.DisposeAsync();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (target.Kind == ClusterTargetKind.None)
        {
            logger.LogInformation("Cmf:Cluster:Mode is None: nothing is watched; serving the database as it is.");
            health.MarkNothingToWatch();
            return;
        }
        if (services.GetService<LeaderElection>() is not { } election)
        {
            await WatchAsync(newPipelineEachRun: false, stoppingToken);
            return;
        }
        using var leaseClient = new ApiServerClient(ClientConfiguration(options.Value.HighAvailability.RenewDeadlineSeconds));
        await election.RunAsync(leaseClient, LeadAsync, stoppingToken);
    }

    /// <summary>One term as leader: a new watcher (and pipeline) that resumes from the positions the store holds, until the term ends.</summary>
    private async Task LeadAsync(CancellationToken term)
    {
        var leadership = services.GetRequiredService<Leadership>();
        try
        {
            // Fencing: from here on a commit by the replica that led before is refused, so its last batch cannot
            // land after this term's first one.
            await store.ClaimWriterEpochAsync(leadership.Identity, term);
            await WatchAsync(newPipelineEachRun: true, term);
        }
        catch (WriterDeposedException e)
        {
            // Another replica claimed the store although this one still holds the Lease (two Leases, or a clock far
            // off): stop writing, and end the term after one lease duration so that the election decides again.
            logger.LogError(e, "{Identity} was deposed as the store's writer; ending its term.", leadership.Identity);
            await Task.Delay(services.GetRequiredService<LeaderElectionSettings>().LeaseDuration, term).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        finally
        {
            // A follower has no watches: readiness and the about page must not show the last term's.
            health.Clear();
        }
    }

    private async Task WatchAsync(bool newPipelineEachRun, CancellationToken stoppingToken)
    {
        var pause = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var client = new ApiServerClient(ClientConfiguration(options.Value.Cluster.WatchTimeoutSeconds + 60));
                // A term starts clean: signals the last term read but never committed must not reach the new one.
                var watcher = newPipelineEachRun
                    ? ActivatorUtilities.CreateInstance<ClusterIngest>(services, client, ActivatorUtilities.CreateInstance<IngestPipeline>(services))
                    : ActivatorUtilities.CreateInstance<ClusterIngest>(services, client);
                logger.LogInformation("Watching {Target}.", target.Description);
                await watcher.RunAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                logger.LogError(e, "The watcher stopped; starting it again in {Pause}.", pause);
                await Task.Delay(pause, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                pause = TimeSpan.FromSeconds(Math.Min(pause.TotalSeconds * 2, 30));
            }
        }
    }

    private KubernetesClientConfiguration ClientConfiguration(int timeoutSeconds)
    {
        var config = target.Kind == ClusterTargetKind.InCluster
            ? KubernetesClientConfiguration.InClusterConfig()
            : KubernetesClientConfiguration.BuildConfigFromConfigFile(target.KubeconfigPath, options.Value.Cluster.Context);
        // Watches last up to timeoutSeconds and the client must not cut them off first; a Lease request must end within the renew deadline.
        config.HttpClientTimeout = TimeSpan.FromSeconds(timeoutSeconds);
        return config;
    }
}
