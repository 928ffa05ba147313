using System.Globalization;

namespace Cmf.Bench.Latency;

/// <summary>
/// The probe loop of the latency parts: the probe's job state alternates between RESTARTING and RUNNING, each change
/// after a random 150-450 ms pause (so changes land at every point of the dashboard's refresh cycle), stamped with
/// the wall clock right before the patch and timed on two sides (kubectl and a page, or two pages).
/// </summary>
public sealed class ProbeChanges(string first, string second)
{
    private static readonly string[] States = ["RESTARTING", "RUNNING"];

    /// <summary>Milliseconds from the change to the first side, for every change both sides saw.</summary>
    public List<double> First { get; } = [];

    public List<double> Second { get; } = [];

    /// <summary>Browser minus bench clock, read every 20 changes.</summary>
    public List<double> ClockOffsets { get; } = [];

    /// <summary>Changes that one side or both did not show in time.</summary>
    public int Unseen { get; private set; }

    /// <param name="drain">Forgets what both sides showed so far.</param>
    /// <param name="observe">Waits (bounded) for both sides to show the state; returns when each did, null if it did not.</param>
    /// <param name="clockOffsets">Reads the browser clocks' offsets.</param>
    public async Task RunAsync(
        BenchCluster cluster, string probe, int changes, BackgroundChanges load,
        Func<Task> drain, Func<string, double, Task<(double? First, double? Second)>> observe, Func<Task<IEnumerable<double>>> clockOffsets)
    {
        var random = new Random(8);
        for (var i = 0; i < changes; i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(150, 450)));
            var state = States[i % States.Length];
            await drain();
            var made = WallClock.NowUnixMilliseconds;
            cluster.SetJobState(probe, state);
            var (onFirst, onSecond) = await observe(state, made);
            if (onFirst is { } a && onSecond is { } b)
            {
                First.Add(a - made);
                Second.Add(b - made);
            }
            else
            {
                Unseen++;
                Console.WriteLine($"bench: change {i} to {state} not seen in time ({first}: {onFirst is not null}, {second}: {onSecond is not null})");
            }
            if (i % 20 == 0)
            {
                ClockOffsets.AddRange(await clockOffsets());
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"bench: {i + 1}/{changes} changes, last {first} {First.LastOrDefault():0} ms, {second} {Second.LastOrDefault():0} ms, background {load.Made} made"));
            }
        }
    }
}
