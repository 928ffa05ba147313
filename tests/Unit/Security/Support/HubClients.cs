using System.Net;
using Cmf.Dashboard.Hubs;
using Microsoft.AspNetCore.SignalR.Client;

namespace Cmf.UnitTests.Security.Support;

/// <summary>Status hub clients as scripts and portals connect: with a bearer token, or with a browser's cookies.</summary>
public static class HubClients
{
    public static HubConnection WithBearer(Uri baseUrl, string? token) => new HubConnectionBuilder()
        .WithUrl(new Uri(baseUrl, StatusHub.Path), options => options.AccessTokenProvider = () => Task.FromResult(token))
        .Build();

    public static HubConnection WithCookies(Uri baseUrl, CookieContainer cookies) => new HubConnectionBuilder()
        .WithUrl(new Uri(baseUrl, StatusHub.Path), options => options.Cookies = cookies)
        .Build();

    /// <summary>Completes when the server closes the connection; call it before starting.</summary>
    public static Task WhenClosed(this HubConnection hub)
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        return closed.Task;
    }

    /// <summary>A harmless call that succeeds while the connection's sign-in stands.</summary>
    public static Task PingAsync(this HubConnection hub) => hub.InvokeAsync("UnsubscribeInstance", "00000000-0000-4000-8000-000000000000");
}
