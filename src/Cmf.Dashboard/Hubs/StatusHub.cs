using Cmf.Core.Storage;
using Cmf.Core.Telemetry;
using Cmf.Dashboard.Api;
using Microsoft.AspNetCore.SignalR;

namespace Cmf.Dashboard.Hubs;

/// <summary>
/// Live status for scripts and portals (<c>/hubs/status</c>): subscribe to an application or to one instance, get its
/// state at once, then <see cref="ApplicationChanged"/> and <see cref="InstanceChanged"/> as commits change it.
/// Specs in messages are masked like the API's.
/// </summary>
public sealed class StatusHub(StoreQueries queries, HubSubscriptions subscriptions, CmfMetrics metrics) : Hub
{
    public const string Path = "/hubs/status";
    public const string ApplicationChanged = nameof(ApplicationChanged);
    public const string InstanceChanged = nameof(InstanceChanged);

    public async Task<ApplicationStatusMessage> SubscribeApplication(string environment, string application)
    {
        if (RouteValues.CheckApplication(environment, application, out var key) is { } error)
        {
            throw new HubException(error);
        }
        await JoinAsync(HubTopic.For(key));
        var detail = await queries.GetApplicationAsync(key, Context.ConnectionAborted);
        if (detail is null)
        {
            await LeaveAsync(HubTopic.For(key));
            throw new HubException($"Application '{application}' was not found in environment '{environment}'.");
        }
        return ApplicationStatusMessage.From(detail.Summary);
    }

    public Task UnsubscribeApplication(string environment, string application) =>
        LeaveAsync(HubTopic.For(new Core.Model.ApplicationKey(environment ?? "", application ?? "")));

    public async Task<InstanceResource> SubscribeInstance(string uid)
    {
        if (RouteValues.CheckInstanceUid(uid) is { } error)
        {
            throw new HubException(error);
        }
        await JoinAsync(HubTopic.For(uid));
        if (await queries.FindInstanceAsync(uid, Context.ConnectionAborted) is Core.Storage.Views.InstanceLookup.Found found
            && await queries.GetInstanceAsync(found.Application, uid, Context.ConnectionAborted) is { } detail)
        {
            return await InstanceResources.ReadAsync(queries, detail, Context.ConnectionAborted);
        }
        await LeaveAsync(HubTopic.For(uid));
        throw new HubException($"No retained instance has the UID {uid}.");
    }

    public Task UnsubscribeInstance(string uid) => LeaveAsync(HubTopic.For(uid ?? ""));

    public override Task OnConnectedAsync()
    {
        metrics.HubConnected();
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        metrics.HubDisconnected();
        subscriptions.RemoveConnection(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    // Joined before the state is read: a change committed in between is pushed, never lost.
    private async Task JoinAsync(HubTopic topic)
    {
        if (!subscriptions.TryAdd(Context.ConnectionId, topic))
        {
            throw new HubException($"One connection may watch at most {HubSubscriptions.MaxPerConnection} applications and instances.");
        }
        await Groups.AddToGroupAsync(Context.ConnectionId, topic.Group, Context.ConnectionAborted);
    }

    private async Task LeaveAsync(HubTopic topic)
    {
        subscriptions.Remove(Context.ConnectionId, topic);
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, topic.Group, Context.ConnectionAborted);
    }
}
