using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace Cmf.Dashboard.Security;

/// <summary>
/// A Blazor circuit's view of its viewer, which the circuit took from the sign-in cookie when it opened: when that
/// session ends (<see cref="SessionRules"/>: its age, the id token's expiry, a new access token, a sign-out) the viewer
/// becomes anonymous and <see cref="SessionEnded"/> fires, so the page drops its content and reloads: into the cookie
/// check and the sign-in, or to "signed out".
/// </summary>
internal sealed class SessionAuthenticationStateProvider : ServerAuthenticationStateProvider, IDisposable
{
    private static readonly AuthenticationState Anonymous = new(new ClaimsPrincipal(new ClaimsIdentity()));

    private readonly SessionRules _rules;
    private readonly TimeProvider _time;
    private SessionWatch? _watch;

    public SessionAuthenticationStateProvider(SessionRules rules, TimeProvider time)
    {
        _rules = rules;
        _time = time;
        AuthenticationStateChanged += OnAuthenticationStateChanged;
    }

    /// <summary>Raised once, off the renderer's thread, when the signed-in viewer's session ends.</summary>
    public event Action<SessionStatus>? SessionEnded;

    /// <summary>How the session ended; null while it stands (or nobody is signed in).</summary>
    public SessionStatus? Ended { get; private set; }

    public void Dispose()
    {
        AuthenticationStateChanged -= OnAuthenticationStateChanged;
        _watch?.Dispose();
    }

    private void OnAuthenticationStateChanged(Task<AuthenticationState> state)
    {
        if (state.IsCompletedSuccessfully)
        {
            Watch(state.Result.User);
        }
        else
        {
            _ = state.ContinueWith(s => Watch(s.Result.User), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
        }
    }

    private void Watch(ClaimsPrincipal user)
    {
        _watch?.Dispose();
        _watch = user.Identity?.IsAuthenticated == true ? SessionWatch.Start(_rules, _time, user, null, End) : null;
    }

    private void End(SessionStatus status)
    {
        Ended = status;
        SetAuthenticationState(Task.FromResult(Anonymous));
        SessionEnded?.Invoke(status);
    }
}
