using Cmf.Core.Feed;
using Cmf.Core.Model;
using Cmf.Core.Storage;
using Cmf.Core.Storage.Views;
using Cmf.Dashboard.Api;
using Microsoft.AspNetCore.SignalR;

namespace Cmf.Dashboard.Hubs;

/// <summary>
/// One change-feed subscription for the whole hub: after each coalesced batch it re-reads only what someone watches and
/// pushes it to that group. A resync batch re-sends everything watched.
/// </summary>
internal sealed partial class StatusBroadcaster(
    ChangeFeed feed,
    StoreQueries queries,
    HubSubscriptions subscriptions,
    IHubContext<StatusHub> hub,
    ILogger<StatusBroadcaster> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var subscription = await feed.SubscribeAsync(ChangeFilter.Everything, stoppingToken);
        try
        {
            await foreach (var batch in subscription.Changes.WithCancellation(stoppingToken))
            {
                try
                {
                    await PushAsync(batch, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogPushFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task PushAsync(ChangeBatch batch, CancellationToken cancellationToken)
    {
        if (subscriptions.IsEmpty)
        {
            return;
        }
        var watched = subscriptions.Watched;
        var applications = batch.Resync
            ? watched.Select(t => t.Application).OfType<ApplicationKey>()
            : batch.Applications.Where(a => subscriptions.IsWatched(HubTopic.For(a)));
        foreach (var application in applications.Distinct().ToList())
        {
            if (await queries.GetApplicationAsync(application, cancellationToken) is { } detail)
            {
                await hub.Clients.Group(HubTopic.For(application).Group)
                    .SendAsync(StatusHub.ApplicationChanged, ApplicationStatusMessage.From(detail.Summary), cancellationToken);
            }
        }
        var instances = batch.Resync ? watched.Select(t => t.InstanceUid).OfType<string>() : batch.InstanceUids;
        foreach (var uid in instances.Distinct(StringComparer.Ordinal).ToList())
        {
            await PushInstanceAsync(uid, cancellationToken);
        }
    }

    // An instance goes to its own watchers and to the watchers of its application.
    private async Task PushInstanceAsync(string uid, CancellationToken cancellationToken)
    {
        if (await queries.FindInstanceAsync(uid, cancellationToken) is not InstanceLookup.Found found)
        {
            return;
        }
        var groups = new[] { HubTopic.For(uid), HubTopic.For(found.Application) }
            .Where(subscriptions.IsWatched)
            .Select(t => t.Group)
            .ToList();
        if (groups.Count == 0 || await queries.GetInstanceAsync(found.Application, uid, cancellationToken) is not { } detail)
        {
            return;
        }
        await hub.Clients.Groups(groups).SendAsync(StatusHub.InstanceChanged, await InstanceResources.ReadAsync(queries, detail, cancellationToken), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pushing status changes to hub clients failed; the next change tries again.")]
    private static partial void LogPushFailed(ILogger logger, Exception exception);
}
