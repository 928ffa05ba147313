using Cmf.Core.Kubernetes;
using Cmf.Core.Model;
using Cmf.Core.Tracking;

namespace Cmf.Core.Ingest;

/// <summary>
/// Which application each FlinkStateSnapshot belongs to, so an Event about a snapshot can be filed under its
/// application. Snapshots and their Events arrive on separate watches: an Event about a snapshot not seen yet waits
/// here (bounded) until the snapshot comes.
/// </summary>
internal sealed class SnapshotOwners
{
    private const int MaxWaiting = 1_000;

    private readonly Dictionary<(string Namespace, string Name), ApplicationKey> _owners = [];
    private readonly List<(string Namespace, string Name, ApiObject Event)> _waiting = [];

    public void Load(IEnumerable<ApplicationState> states)
    {
        foreach (var state in states)
        {
            foreach (var snapshot in state.Snapshots)
            {
                _owners[(state.Namespace, snapshot.Name)] = state.Key;
            }
        }
    }

    /// <summary>The owner of the snapshot; when unknown, the Event is kept until <see cref="Add"/> names it.</summary>
    public ApplicationKey? Find(string @namespace, string name, ApiObject operatorEvent)
    {
        if (_owners.TryGetValue((@namespace, name), out var owner))
        {
            return owner;
        }
        if (_waiting.Count >= MaxWaiting)
        {
            _waiting.RemoveAt(0);
        }
        _waiting.Add((@namespace, name, operatorEvent));
        return null;
    }

    /// <summary>Files the owner and hands back the Events that waited for this snapshot.</summary>
    public IReadOnlyList<ApiObject> Add(string @namespace, string name, ApplicationKey owner)
    {
        _owners[(@namespace, name)] = owner;
        var ready = _waiting.Where(w => w.Namespace == @namespace && w.Name == name).Select(w => w.Event).ToList();
        if (ready.Count > 0)
        {
            _waiting.RemoveAll(w => w.Namespace == @namespace && w.Name == name);
        }
        return ready;
    }
}
