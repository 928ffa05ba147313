namespace Cmf.Dashboard.Hosting;

/// <summary>What this replica is: the only one (no high availability), or the leader or a follower of the election.</summary>
public enum LeadershipRole
{
    Single,
    Leader,
    Follower,
}

/// <summary>
/// Who runs the watcher and the writer. Without high availability this replica always leads; with it, the leader
/// election (<see cref="LeaderElection"/>) moves it between leader and follower and reports the Lease's holder.
/// Pages, the about API and readiness read it; <see cref="Changed"/> fires after every change.
/// </summary>
public sealed class Leadership
{
    private readonly Lock _gate = new();
    private bool _isLeader;
    private string? _leaderIdentity;

    public Leadership(string identity, bool elected)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(identity);
        Identity = identity;
        IsElected = elected;
        _isLeader = !elected;
        _leaderIdentity = elected ? null : identity;
    }

    /// <summary>This replica's name: the Lease's holderIdentity while it leads.</summary>
    public string Identity { get; }

    /// <summary>High availability is on: leadership comes from a Lease and may change.</summary>
    public bool IsElected { get; }

    public bool IsLeader
    {
        get
        {
            lock (_gate)
            {
                return _isLeader;
            }
        }
    }

    /// <summary>The holder of the Lease as last observed (this replica's identity while it leads); null before the first observation.</summary>
    public string? LeaderIdentity
    {
        get
        {
            lock (_gate)
            {
                return _leaderIdentity;
            }
        }
    }

    public LeadershipRole Role => !IsElected ? LeadershipRole.Single : IsLeader ? LeadershipRole.Leader : LeadershipRole.Follower;

    public event Action? Changed;

    internal void StartedLeading() => Set(leading: true, Identity);

    internal void StoppedLeading() => Set(leading: false, leader: null);

    internal void ObservedLeader(string? leader) => Set(leading: null, leader);

    private void Set(bool? leading, string? leader)
    {
        bool changed;
        lock (_gate)
        {
            var nextLeading = leading ?? _isLeader;
            // Having stopped, this replica no longer knows who leads until it observes the Lease again.
            var nextLeader = leading == false && _leaderIdentity != Identity ? _leaderIdentity : leader;
            changed = nextLeading != _isLeader || nextLeader != _leaderIdentity;
            _isLeader = nextLeading;
            _leaderIdentity = nextLeader;
        }
        if (changed)
        {
            Changed?.Invoke();
        }
    }
}
