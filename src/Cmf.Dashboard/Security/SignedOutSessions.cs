using System.Collections.Concurrent;

namespace Cmf.Dashboard.Security;

/// <summary>
/// Sessions signed out before their end, so a copy of the cookie stops working too, not only the browser's. Each is
/// remembered until the session would have ended anyway. Held in memory: a restart or another replica forgets them
/// (rotating <c>Cmf:Auth:Token</c> ends every session everywhere).
/// </summary>
public sealed class SignedOutSessions(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _forgetAfter = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private CancellationTokenSource _changed = new();

    /// <summary>Cancelled when a session signs out; read it again afterwards for the next one.</summary>
    public CancellationToken Changed
    {
        get
        {
            lock (_gate)
            {
                return _changed.Token;
            }
        }
    }

    public bool Contains(string sessionId) => _forgetAfter.ContainsKey(sessionId);

    public void Add(string sessionId, DateTimeOffset sessionEnd)
    {
        var now = time.GetUtcNow();
        foreach (var (id, end) in _forgetAfter)
        {
            if (end <= now)
            {
                _forgetAfter.TryRemove(id, out _);
            }
        }
        if (sessionEnd > now)
        {
            _forgetAfter[sessionId] = sessionEnd;
        }
        CancellationTokenSource signedOut;
        lock (_gate)
        {
            signedOut = _changed;
            _changed = new CancellationTokenSource();
        }
        signedOut.Cancel();
    }
}
