using System.Security.Claims;
using Cmf.Dashboard.Hubs;
using Cmf.Dashboard.Security;
using Cmf.UnitTests.Security.Support;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR;

namespace Cmf.UnitTests.Security;

/// <summary>
/// Besides closing a connection when its session ends, the hub refuses any method called after that: the attack is a
/// client that keeps calling on a connection whose close it ignores or races.
/// </summary>
public sealed class SessionHubFilterTests : IDisposable
{
    private readonly SessionServices _sessions = new();

    public void Dispose() => _sessions.Dispose();

    [Fact]
    public async Task A_hub_method_called_within_the_session_runs()
    {
        var caller = new Caller(_sessions.SignedInViewer());

        var answer = await InvokeAsync(caller);

        Assert.Equal("ran", answer);
        Assert.False(caller.Aborted);
    }

    [Fact]
    public async Task A_hub_method_called_after_the_session_ended_fails_and_aborts_the_connection()
    {
        var caller = new Caller(_sessions.SignedInViewer());
        _sessions.Clock.Advance(TimeSpan.FromHours(SessionServices.SessionHours) + TimeSpan.FromSeconds(1));

        var failure = await Assert.ThrowsAsync<HubException>(() => InvokeAsync(caller).AsTask());

        Assert.Contains("sign-in has ended", failure.Message, StringComparison.Ordinal);
        Assert.True(caller.Aborted);
    }

    private ValueTask<object?> InvokeAsync(Caller caller)
    {
        var filter = new SessionHubFilter(_sessions.Rules, _sessions.Clock);
        var method = typeof(StatusHub).GetMethod(nameof(StatusHub.UnsubscribeInstance))!;
        var invocation = new HubInvocationContext(caller, _sessions.Scope(), null!, method, ["00000000-0000-4000-8000-000000000000"]);
        return filter.InvokeMethodAsync(invocation, _ => ValueTask.FromResult<object?>("ran"));
    }

    private sealed class Caller(ClaimsPrincipal user) : HubCallerContext
    {
        public bool Aborted { get; private set; }

        public override string ConnectionId => "connection-1";

        public override string? UserIdentifier => null;

        public override ClaimsPrincipal User => user;

        public override IDictionary<object, object?> Items { get; } = new Dictionary<object, object?>();

        public override IFeatureCollection Features { get; } = new FeatureCollection();

        public override CancellationToken ConnectionAborted => CancellationToken.None;

        public override void Abort() => Aborted = true;
    }
}
