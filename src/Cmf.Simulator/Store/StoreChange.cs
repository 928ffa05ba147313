namespace Cmf.Simulator.Store;

/// <summary>A committed change: the new version (for deletes, the final version) and the one it replaced.</summary>
internal sealed record StoreChange(string EventType, StoredObject Object, StoredObject? Previous, ChangeOrigin Origin);

/// <summary>Who made a change: a client of the API (kubectl, the watcher, tests) or the simulated cluster itself.</summary>
internal enum ChangeOrigin
{
    Client,
    Cluster,
}
