using System.Globalization;
using System.Text.Json.Nodes;
using Cmf.Simulator;

namespace Cmf.Bench.Ingest;

/// <summary>
/// A stream of watch events recorded in a simulated cluster before anybody watches: applications are created and
/// their specs changed round after round, and the simulated operator answers each change as FKO would (status
/// writes, JobManager Deployments and pods come and go). The simulator keeps every event, so a watcher started
/// from <see cref="StartVersion"/> replays the whole stream over HTTP.
/// </summary>
internal sealed class RecordedStream
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(90);

    private RecordedStream(SimulatorServer simulator, long startVersion, WatchEventCount events, int specChanges)
    {
        Simulator = simulator;
        StartVersion = startVersion;
        Events = events;
        SpecChanges = specChanges;
    }

    public SimulatorServer Simulator { get; }

    /// <summary>The cluster's resourceVersion before the first application was created.</summary>
    public long StartVersion { get; }

    /// <summary>What the watcher's three watches (FlinkDeployments, JobManager Deployments and pods) see after <see cref="StartVersion"/>.</summary>
    public WatchEventCount Events { get; }

    /// <summary>Creations and spec changes made by the bench; everything else is the operator's answer.</summary>
    public int SpecChanges { get; }

    /// <summary>Records at least <paramref name="targetEvents"/> watch events over <paramref name="applications"/> applications.</summary>
    public static async Task<RecordedStream> RecordAsync(int applications, int targetEvents, CancellationToken cancellationToken)
    {
        var simulator = await SimulatorServer.StartAsync(new SimulatorOptions
        {
            Host = "127.0.0.1",
            Port = 0,
            Scenario = SimulatorScenarios.Empty,
            Seed = 8,
            ManualClock = true,
            StartTime = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero),
            BookmarkInterval = TimeSpan.FromMilliseconds(100),
            // Every event of the stream stays replayable (the limit is per resource type).
            RetainedVersions = Math.Max(2_000_000, targetEvents * 2),
        }, cancellationToken);
        try
        {
            var namespaces = Enumerable.Range(1, 4).Select(i => $"team-{i}").ToList();
            foreach (var ns in namespaces)
            {
                simulator.Api.CreateNamespace(ns);
            }
            var start = simulator.Api.ResourceVersion;
            using var counter = new WatchEventCounter(simulator.BaseUrl);

            var apps = Enumerable.Range(0, applications)
                .Select(i => (Namespace: namespaces[i % namespaces.Count], Name: $"app-{i:D4}", Stateful: i % 2 == 0))
                .ToList();
            foreach (var app in apps)
            {
                simulator.Api.CreateFlinkDeployment(app.Namespace, FlinkDeploymentSpec.Create(app.Name, app.Stateful, parallelism: 2));
            }
            var specChanges = apps.Count;
            var elapsed = System.Diagnostics.Stopwatch.StartNew();
            await simulator.Clock.AdvanceAsync(Settle, cancellationToken);
            var total = await counter.CountAsync(start, simulator.Api.ResourceVersion, cancellationToken);
            Progress(0, applications, total, targetEvents, elapsed.Elapsed);

            // Each round changes the spec of as many applications as the events still missing call for.
            var from = simulator.Api.ResourceVersion;
            for (var round = 1; total.Total < targetEvents && round <= 200; round++)
            {
                var perChange = Math.Max(1.0, (double)total.Total / specChanges);
                var changes = (int)Math.Clamp(Math.Ceiling((targetEvents - total.Total) / perChange), 1, apps.Count);
                foreach (var app in apps.Take(changes))
                {
                    var patch = new JsonObject
                    {
                        ["spec"] = new JsonObject
                        {
                            ["job"] = new JsonObject { ["parallelism"] = 2 + (round % 7) },
                            ["flinkConfiguration"] = new JsonObject { ["bench.round"] = round.ToString(CultureInfo.InvariantCulture) },
                        },
                    };
                    simulator.Api.PatchFlinkDeployment(app.Namespace, app.Name, patch);
                }
                specChanges += changes;
                await simulator.Clock.AdvanceAsync(Settle, cancellationToken);
                var to = simulator.Api.ResourceVersion;
                total += await counter.CountAsync(from, to, cancellationToken);
                from = to;
                Progress(round, changes, total, targetEvents, elapsed.Elapsed);
            }
            if (simulator.OperatorErrors.Count > 0)
            {
                throw new InvalidOperationException($"The simulated operator failed: {simulator.OperatorErrors[0]}");
            }
            return new RecordedStream(simulator, start, total, specChanges);
        }
        catch
        {
            await simulator.DisposeAsync();
            throw;
        }
    }

    // A large recording takes minutes: say how far it is, and at what load.
    private static void Progress(int round, int changes, WatchEventCount total, int targetEvents, TimeSpan elapsed) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ingest: recording round {round} ({changes:N0} changes): {total.Total:N0} of {targetEvents:N0} events after {elapsed.TotalSeconds:0} s, "
            + $"process CPU {System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:0} s (load average {LoadAverage.Describe(LoadAverage.OneMinute())})"));
}
