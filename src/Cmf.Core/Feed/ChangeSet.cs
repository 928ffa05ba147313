using Cmf.Core.Model;

namespace Cmf.Core.Feed;

/// <summary>
/// What one commit changed: the applications touched and the instances created or updated. Subscribers
/// re-read what they show from the store, so a change set carries keys, not copies of the data.
/// </summary>
public sealed record ChangeSet(IReadOnlyCollection<ApplicationKey> Applications, IReadOnlyCollection<string> InstanceUids)
{
    public static ChangeSet Empty { get; } = new([], []);

    public bool IsEmpty => Applications.Count == 0 && InstanceUids.Count == 0;
}

/// <summary>
/// Changes coalesced for one subscriber. <see cref="Resync"/> means the subscriber fell too far behind and
/// the keys were dropped: it must re-read everything it shows.
/// </summary>
public sealed record ChangeBatch(IReadOnlySet<ApplicationKey> Applications, IReadOnlySet<string> InstanceUids, bool Resync)
{
    public bool Touches(ApplicationKey application) => Resync || Applications.Contains(application);

    public bool Touches(string instanceUid) => Resync || InstanceUids.Contains(instanceUid);
}
