using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.SignalR;

namespace Cmf.Dashboard.Security;

/// <summary>
/// A hub connection lives no longer than the session it was opened with: at connect it remembers when the session ends
/// (<see cref="SessionRules"/>, with the cookie's or the JWT's own expiry) and aborts the connection then, or as soon
/// as the session is revoked (sign-out, a new access token). A method called after that fails and aborts too.
/// </summary>
internal sealed class SessionHubFilter(SessionRules rules, TimeProvider time) : IHubFilter
{
    private static readonly object WatchKey = new();
    private static readonly object ExpiryKey = new();

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var caller = context.Context;
        var expiry = caller.GetHttpContext()?.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult?.Properties?.ExpiresUtc;
        caller.Items[ExpiryKey] = expiry;
        caller.Items[WatchKey] = SessionWatch.Start(rules, time, caller.User ?? new(), expiry, _ => caller.Abort());
        await next(context);
    }

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        var caller = invocationContext.Context;
        var status = rules.Evaluate(caller.User ?? new(), caller.Items.TryGetValue(ExpiryKey, out var expiry) ? (DateTimeOffset?)expiry : null);
        if (status.EndedBecause is { } reason)
        {
            caller.Abort();
            throw new HubException($"This connection's sign-in has ended ({reason}): sign in again and reconnect.");
        }
        return await next(invocationContext);
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.Context.Items.TryGetValue(WatchKey, out var watch))
        {
            ((SessionWatch)watch!).Dispose();
        }
        return next(context, exception);
    }
}
