using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Cmf.Core.Kubernetes;
using Cmf.Core.Specs;
using Cmf.Core.Tracking;

namespace Cmf.Core.Ingest;

/// <summary>
/// Spec work remembered between watch events of the same FlinkDeployment. Most events only change the status, and
/// Kubernetes bumps <c>metadata.generation</c> on every spec change, so the same (object uid, generation) always has
/// the same <see cref="SpecVersion"/>. Keeps the latest entry per object, up to <see cref="Capacity"/> objects (then
/// starts afresh). Safe to share between threads; results are the same with or without it.
/// </summary>
public sealed class SpecVersionCache(int capacity = SpecVersionCache.DefaultCapacity)
{
    public const int DefaultCapacity = 20_000;

    private readonly ConcurrentDictionary<string, SpecEntry> _specs = new(StringComparer.Ordinal);
    private int _count;

    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity));

    internal SpecVersion Version(string objectUid, long generation, JsonObject spec)
    {
        if (_specs.TryGetValue(objectUid, out var entry) && entry.Generation == generation)
        {
            return entry.Version;
        }
        var version = SpecVersionFactory.Create(spec);
        Remember(objectUid, new SpecEntry(generation, version));
        return version;
    }

    /// <summary>True when this generation of the object was read, accepted and remembered.</summary>
    internal bool Holds(string objectUid, long generation) =>
        _specs.TryGetValue(objectUid, out var entry) && entry.Generation == generation;

    private void Remember(string objectUid, SpecEntry entry)
    {
        if (!_specs.TryAdd(objectUid, entry))
        {
            _specs[objectUid] = entry;
            return;
        }
        // Counted here, not with _specs.Count, which takes every lock of the dictionary (up to 1,024 as it grows):
        // the cold-start profile showed it on every new object of a 10,000-item list.
        if (Interlocked.Increment(ref _count) > Capacity)
        {
            _specs.Clear();
            _specs[objectUid] = entry;
            Interlocked.Exchange(ref _count, 1);
        }
    }

    private sealed record SpecEntry(long Generation, SpecVersion Version);
}
