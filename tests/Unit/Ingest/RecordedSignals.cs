using System.Text.Json.Nodes;
using Cmf.Core.Kubernetes;
using Cmf.Simulator;

namespace Cmf.UnitTests.Ingest;

/// <summary>
/// A watch stream taken from a simulated cluster: each watched kind's list, then rounds of spec changes carried out
/// by the simulated operator, each round as the watch events that lead from one list to the next (an object added,
/// modified or deleted, with its resourceVersion). Replayed into pipelines, it is the same input for each.
/// </summary>
internal static class RecordedSignals
{
    public static async Task<IReadOnlyList<WatchSignal>> RecordAsync(SimulatorServer simulator, int rounds)
    {
        var previous = await ColdStartListTests.ListEverythingAsync(simulator, pageSize: 0);
        var stream = new List<WatchSignal>(previous);
        var applications = simulator.Api.ListFlinkDeployments()
            .Select(fd => (Namespace: fd["metadata"]!["namespace"]!.GetValue<string>(), Name: fd["metadata"]!["name"]!.GetValue<string>()))
            .ToList();
        for (var round = 0; round < rounds; round++)
        {
            // A third of the applications per round, a different third each time.
            foreach (var (ns, name) in applications.Where((_, i) => i % 3 == round % 3))
            {
                simulator.Api.PatchFlinkDeployment(ns, name, new JsonObject
                {
                    ["spec"] = new JsonObject { ["flinkConfiguration"] = new JsonObject { ["recorded.round"] = $"{round}" } },
                });
            }
            await simulator.Clock.AdvanceAsync(TimeSpan.FromSeconds(30));
            var next = await ColdStartListTests.ListEverythingAsync(simulator, pageSize: 0);
            for (var kind = 0; kind < next.Count; kind++)
            {
                stream.AddRange(EventsBetween(previous[kind], next[kind]));
            }
            previous = next;
        }
        return stream;
    }

    private static IEnumerable<WatchSignal> EventsBetween(ResourceListed before, ResourceListed after)
    {
        var versionsBefore = before.Items.ToDictionary(UidOf, VersionOf, StringComparer.Ordinal);
        var uidsAfter = after.Items.Select(UidOf).ToHashSet(StringComparer.Ordinal);
        foreach (var item in after.Items)
        {
            var version = VersionOf(item);
            if (!versionsBefore.TryGetValue(UidOf(item), out var earlier))
            {
                yield return new ResourceChanged(after.Kind, after.Namespace, WatchEventKind.Added, item, version);
            }
            else if (earlier != version)
            {
                yield return new ResourceChanged(after.Kind, after.Namespace, WatchEventKind.Modified, item, version);
            }
        }
        foreach (var gone in before.Items.Where(i => !uidsAfter.Contains(UidOf(i))))
        {
            yield return new ResourceChanged(after.Kind, after.Namespace, WatchEventKind.Deleted, gone, after.ResourceVersion);
        }
    }

    private static string UidOf(ApiObject item) => item.Json["metadata"]!["uid"]!.GetValue<string>();

    private static string VersionOf(ApiObject item) => item.Json["metadata"]!["resourceVersion"]!.GetValue<string>();
}
