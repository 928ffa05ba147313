using System.Security.Claims;

namespace Cmf.Dashboard.Security;

/// <summary>
/// Ends something long-lived that was authenticated once (a hub connection, a Blazor circuit) when its session ends:
/// a timer for the time <see cref="SessionRules"/> gives, and a second look whenever a session is revoked early.
/// </summary>
internal sealed class SessionWatch : IDisposable
{
    // System.Threading timers take at most about 49 days; a later end is looked at again then.
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(30);
    private static readonly TimeSpan ShortestWait = TimeSpan.FromMilliseconds(1);

    private readonly SessionRules _rules;
    private readonly TimeProvider _time;
    private readonly ClaimsPrincipal _user;
    private readonly DateTimeOffset? _authenticationExpiry;
    private readonly Action<SessionStatus> _ended;
    private readonly Lock _gate = new();
    private ITimer? _timer;
    private IDisposable? _revocation;
    private bool _done;

    private SessionWatch(SessionRules rules, TimeProvider time, ClaimsPrincipal user, DateTimeOffset? authenticationExpiry, Action<SessionStatus> ended)
    {
        _rules = rules;
        _time = time;
        _user = user;
        _authenticationExpiry = authenticationExpiry;
        _ended = ended;
    }

    /// <summary>Watches the session of <paramref name="user"/>; <paramref name="ended"/> is told how it ended, once (at once if it has already ended).</summary>
    public static SessionWatch Start(SessionRules rules, TimeProvider time, ClaimsPrincipal user, DateTimeOffset? authenticationExpiry, Action<SessionStatus> ended)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(ended);
        var watch = new SessionWatch(rules, time, user, authenticationExpiry, ended);
        watch.Check();
        return watch;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _done = true;
            _timer?.Dispose();
            _revocation?.Dispose();
        }
    }

    private void Check()
    {
        SessionStatus status;
        lock (_gate)
        {
            if (_done)
            {
                return;
            }
            // Listen before looking, so a revocation in between is not missed. Revocations are looked at off the
            // revoking thread: it may be a sign-out request or a configuration reload.
            _revocation?.Dispose();
            _revocation = _rules.OnRevocation(() => ThreadPool.QueueUserWorkItem(_ => Check()));
            status = _rules.Evaluate(_user, _authenticationExpiry);
            if (!status.HasEnded)
            {
                if (status.EndsAt is { } endsAt)
                {
                    var wait = endsAt - _time.GetUtcNow();
                    wait = wait > LongestWait ? LongestWait : wait < ShortestWait ? ShortestWait : wait;
                    _timer ??= _time.CreateTimer(_ => Check(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                    _timer.Change(wait, Timeout.InfiniteTimeSpan);
                }
                return;
            }
            _done = true;
            _timer?.Dispose();
            _revocation.Dispose();
        }
        _ended(status);
    }
}
