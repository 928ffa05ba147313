using k8s;
using k8s.LeaderElection;
using k8s.LeaderElection.ResourceLock;

namespace Cmf.Dashboard.Hosting;

/// <summary>Where the Lease lives and client-go's three timings (<c>Cmf:HighAvailability</c>).</summary>
public sealed record LeaderElectionSettings(string LeaseNamespace, string LeaseName, TimeSpan LeaseDuration, TimeSpan RenewDeadline, TimeSpan RetryPeriod);

/// <summary>
/// Runs KubernetesClient's <see cref="LeaderElector"/> on a Lease for ever: while this replica holds the Lease it runs
/// <c>lead</c> with a token that is cancelled the moment leadership ends (renewals failing past the renew deadline, or
/// the host stopping), then it is a candidate again. Stopping does not release the Lease: the next leader takes it
/// once it expires, as client-go does without ReleaseOnCancel.
/// </summary>
public sealed class LeaderElection(Leadership leadership, LeaderElectionSettings settings, ILogger<LeaderElection> logger)
{
    /// <summary>
    /// The verbs the election calls on its Lease (<c>coordination.k8s.io</c> <c>leases</c>): KubernetesClient's
    /// <see cref="LeaseLock"/> reads it (get), creates it when absent (create) and takes or renews it (replace: update).
    /// The deploy manifests grant exactly these; a test records the election's requests to check the list.
    /// </summary>
    public static readonly IReadOnlyList<string> LeaseVerbs = ["get", "create", "update"];

    public async Task RunAsync(IKubernetes client, Func<CancellationToken, Task> lead, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(lead);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunTermAsync(client, lead, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // LeaderElector's acquire loop lets a transport error (no HTTP status) escape: stay a candidate.
                logger.LogWarning(e, "Leader election on Lease {Namespace}/{Name} failed; trying again.", settings.LeaseNamespace, settings.LeaseName);
                await Task.Delay(settings.RetryPeriod, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task RunTermAsync(IKubernetes client, Func<CancellationToken, Task> lead, CancellationToken stoppingToken)
    {
        // One token per term: cancelling it also stops the renewal the elector leaves running after its renew deadline.
        using var term = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var leaseLock = new LeaseLock(client, settings.LeaseNamespace, settings.LeaseName, leadership.Identity);
        using var elector = new LeaderElector(new LeaderElectionConfig(leaseLock)
        {
            LeaseDuration = settings.LeaseDuration,
            RenewDeadline = settings.RenewDeadline,
            RetryPeriod = settings.RetryPeriod,
        });
        Task leading = Task.CompletedTask;
        elector.OnNewLeader += leader => leadership.ObservedLeader(leader);
        elector.OnStartedLeading += () =>
        {
            logger.LogInformation("{Identity} leads (Lease {Namespace}/{Name}).", leadership.Identity, settings.LeaseNamespace, settings.LeaseName);
            leadership.StartedLeading();
            leading = Task.Run(async () =>
            {
                try
                {
                    await lead(term.Token);
                }
                finally
                {
                    // A term whose work ended by itself (its writer was deposed) is over: the election decides again.
                    await term.CancelAsync();
                }
            }, CancellationToken.None);
        };
        elector.OnStoppedLeading += () =>
        {
            term.Cancel();
            if (leadership.IsLeader)
            {
                logger.LogWarning("{Identity} stopped leading (Lease {Namespace}/{Name}).", leadership.Identity, settings.LeaseNamespace, settings.LeaseName);
            }
            leadership.StoppedLeading();
        };
        try
        {
            await elector.RunUntilLeadershipLostAsync(term.Token);
        }
        finally
        {
            await term.CancelAsync();
            await leading.ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
