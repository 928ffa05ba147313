using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Cmf.Core.Specs;
using Cmf.Core.Tracking;

namespace Cmf.Core.Kubernetes;

/// <summary>
/// Spec work remembered between watch events of the same FlinkDeployment. Most events only change
/// the status, and Kubernetes bumps <c>metadata.generation</c> on every spec change, so the same
/// (object uid, generation, environment defaults) always has the same <see cref="SpecVersion"/>; the
/// same <c>lastStableSpec</c> text always has the same hash. Keeps the latest entry per object, up to
/// <see cref="Capacity"/> objects (then starts afresh). Safe to share between threads; results are
/// the same with or without it.
/// </summary>
public sealed class SpecVersionCache(int capacity = SpecVersionCache.DefaultCapacity)
{
    public const int DefaultCapacity = 20_000;

    private readonly ConcurrentDictionary<string, SpecEntry> _specs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, LastStableEntry> _lastStable = new(StringComparer.Ordinal);
    private int _specCount;
    private int _lastStableCount;

    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity));

    internal SpecVersion Version(string objectUid, long generation, JsonObject? defaults, JsonObject spec)
    {
        if (_specs.TryGetValue(objectUid, out var entry) && entry.Generation == generation && ReferenceEquals(entry.Defaults, defaults))
        {
            return entry.Version;
        }
        var version = SpecVersionFactory.Create(defaults, spec);
        Remember(_specs, ref _specCount, objectUid, new SpecEntry(generation, defaults, version));
        return version;
    }

    /// <summary>True when this generation of the object was read, accepted and remembered with these defaults.</summary>
    internal bool Holds(string objectUid, long generation, JsonObject? defaults) =>
        _specs.TryGetValue(objectUid, out var entry) && entry.Generation == generation && ReferenceEquals(entry.Defaults, defaults);

    internal LastStableSpec LastStable(
        string objectUid, string lastStableSpec, JsonObject? defaults, Func<string, JsonObject?, LastStableSpec> read)
    {
        if (_lastStable.TryGetValue(objectUid, out var entry) && ReferenceEquals(entry.Defaults, defaults)
            && string.Equals(entry.Text, lastStableSpec, StringComparison.Ordinal))
        {
            return entry.Value;
        }
        var value = read(lastStableSpec, defaults);
        Remember(_lastStable, ref _lastStableCount, objectUid, new LastStableEntry(lastStableSpec, defaults, value));
        return value;
    }

    private void Remember<T>(ConcurrentDictionary<string, T> entries, ref int count, string objectUid, T entry)
    {
        if (!entries.TryAdd(objectUid, entry))
        {
            entries[objectUid] = entry;
            return;
        }
        // Counted here, not with entries.Count, which takes every lock of the dictionary (up to 1,024 as it grows):
        // the cold-start profile showed it on every new object of a 10,000-item list.
        if (Interlocked.Increment(ref count) > Capacity)
        {
            entries.Clear();
            entries[objectUid] = entry;
            Interlocked.Exchange(ref count, 1);
        }
    }

    private sealed record SpecEntry(long Generation, JsonObject? Defaults, SpecVersion Version);

    private sealed record LastStableEntry(string Text, JsonObject? Defaults, LastStableSpec Value);
}
