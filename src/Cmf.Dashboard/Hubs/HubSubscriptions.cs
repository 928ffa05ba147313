namespace Cmf.Dashboard.Hubs;

/// <summary>
/// Who watches what, so the broadcaster reads the store only for applications and instances someone watches.
/// Each connection's subscriptions are bounded; a disconnect forgets them all.
/// </summary>
public sealed class HubSubscriptions
{
    public const int MaxPerConnection = 200;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, HashSet<HubTopic>> _byConnection = new(StringComparer.Ordinal);
    private readonly Dictionary<HubTopic, int> _watchers = [];

    /// <summary>False when the connection already watches <see cref="MaxPerConnection"/> things.</summary>
    public bool TryAdd(string connectionId, HubTopic topic)
    {
        lock (_gate)
        {
            if (!_byConnection.TryGetValue(connectionId, out var topics))
            {
                topics = [];
                _byConnection[connectionId] = topics;
            }
            if (topics.Contains(topic))
            {
                return true;
            }
            if (topics.Count >= MaxPerConnection)
            {
                return false;
            }
            topics.Add(topic);
            _watchers[topic] = _watchers.GetValueOrDefault(topic) + 1;
            return true;
        }
    }

    public void Remove(string connectionId, HubTopic topic)
    {
        lock (_gate)
        {
            if (_byConnection.TryGetValue(connectionId, out var topics) && topics.Remove(topic))
            {
                Forget(topic);
            }
        }
    }

    public void RemoveConnection(string connectionId)
    {
        lock (_gate)
        {
            if (_byConnection.Remove(connectionId, out var topics))
            {
                foreach (var topic in topics)
                {
                    Forget(topic);
                }
            }
        }
    }

    public bool IsWatched(HubTopic topic)
    {
        lock (_gate)
        {
            return _watchers.ContainsKey(topic);
        }
    }

    public bool IsEmpty
    {
        get
        {
            lock (_gate)
            {
                return _watchers.Count == 0;
            }
        }
    }

    public IReadOnlyList<HubTopic> Watched
    {
        get
        {
            lock (_gate)
            {
                return [.. _watchers.Keys];
            }
        }
    }

    private void Forget(HubTopic topic)
    {
        if (_watchers[topic] <= 1)
        {
            _watchers.Remove(topic);
        }
        else
        {
            _watchers[topic]--;
        }
    }
}
