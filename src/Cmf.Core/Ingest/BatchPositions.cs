using Cmf.Core.Kubernetes;

namespace Cmf.Core.Ingest;

/// <summary>
/// The watch positions a batch advances (committed in the batch's transaction, so a restart resumes exactly where the
/// stored data ends) and the lists it completes (whose watches count as committed once it is).
/// </summary>
internal sealed class BatchPositions(string scope)
{
    public Dictionary<string, string> Positions { get; } = new(StringComparer.Ordinal);

    public List<string> CompletedLists { get; } = [];

    public void Note(WatchSignal signal)
    {
        var name = WatchHealth.NameOf(signal.Kind, signal.Namespace);
        var position = WatchPositions.Key(scope, name);
        switch (signal)
        {
            case ResourceListed listed:
                CompletedLists.Add(name);
                Positions[position] = listed.ResourceVersion;
                break;
            case ResourceCaughtUp:
                CompletedLists.Add(name);
                break;
            case ResourceChanged { ResourceVersion: { } version }:
                Positions[position] = version;
                break;
        }
    }

    public void Clear()
    {
        Positions.Clear();
        CompletedLists.Clear();
    }
}
