using System.Diagnostics;

namespace Cmf.Bench.Scale;

/// <summary>
/// Times one operation on the small and the large store in turns (small, large, small, ...), so that the load of
/// anything else on the machine falls on both alike: a few unrecorded warm-up calls, then a bounded number of recorded ones.
/// </summary>
public static class LatencySampler
{
    public static async Task<(LatencySample Small, LatencySample Large)> SampleInTurnsAsync(
        string name, Func<ScaleKey, Task> small, IReadOnlyList<ScaleKey> smallKeys, Func<ScaleKey, Task> large, IReadOnlyList<ScaleKey> largeKeys, int warmUp)
    {
        for (var i = 0; i < warmUp; i++)
        {
            await small(smallKeys[i % smallKeys.Count]);
            await large(largeKeys[i % largeKeys.Count]);
        }
        var smallTimes = new List<double>(smallKeys.Count);
        var largeTimes = new List<double>(largeKeys.Count);
        for (var i = 0; i < Math.Min(smallKeys.Count, largeKeys.Count); i++)
        {
            smallTimes.Add(await TimeAsync(small, smallKeys[i]));
            largeTimes.Add(await TimeAsync(large, largeKeys[i]));
        }
        return (Sample(name, smallTimes), Sample(name, largeTimes));
    }

    private static async Task<double> TimeAsync(Func<ScaleKey, Task> operation, ScaleKey key)
    {
        var start = Stopwatch.GetTimestamp();
        await operation(key);
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    private static LatencySample Sample(string name, List<double> milliseconds) =>
        new(name, Stats.Percentile(milliseconds, 50), Stats.Percentile(milliseconds, 95), milliseconds.Count);
}

public sealed record LatencySample(string Name, double P50, double P95, int Count);
