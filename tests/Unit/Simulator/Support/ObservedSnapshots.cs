using System.Text.Json.Nodes;

namespace Cmf.UnitTests.Simulator.Support;

/// <summary>
/// The FlinkStateSnapshots of namespace default as a client sees them: a watch that records every version the operator
/// wrote, and plain reads of the current ones and of the Events about them.
/// </summary>
internal sealed class ObservedSnapshots : IAsyncDisposable
{
    public const string Path = "/apis/flink.apache.org/v1beta1/namespaces/default/flinkstatesnapshots";

    private readonly ObservedCluster _cluster;

    private ObservedSnapshots(ObservedCluster cluster, HttpWatch watch)
    {
        _cluster = cluster;
        Watch = watch;
    }

    public HttpWatch Watch { get; }

    public static async Task<ObservedSnapshots> StartAsync(ObservedCluster cluster) =>
        new(cluster, await HttpWatch.StartAsync(cluster.Server.BaseUrl, Path));

    /// <summary>Moves the cluster on and waits until this watch saw everything up to then.</summary>
    public async Task AdvanceAsync(TimeSpan duration)
    {
        await _cluster.AdvanceAsync(duration);
        await Watch.CaughtUpAsync(await _cluster.Http.ResourceVersionAsync(Path));
    }

    /// <summary>The snapshots that exist now, oldest first.</summary>
    public async Task<List<JsonObject>> ListAsync() =>
        [.. ((JsonArray)(await _cluster.Http.GetAsync(Path)).Object["items"]!).Select(i => i!.AsObject())
            .OrderBy(s => Name(s), StringComparer.Ordinal)];

    /// <summary>The snapshots whose trigger-type label is <paramref name="triggerType"/>, oldest first.</summary>
    public async Task<List<JsonObject>> OfTypeAsync(string triggerType) =>
        [.. (await ListAsync()).Where(s => Label(s, "snapshot.trigger-type") == triggerType)];

    /// <summary>The states one snapshot went through as the watch saw them ("" while it had no status), repeats merged.</summary>
    public List<string> StatesOf(string name) =>
        Sequences.Distinct(Watch.Objects.Where(o => Name(o) == name).Select(o => o["status"]?["state"]?.GetValue<string>() ?? ""));

    /// <summary>Every version of every snapshot the watch saw.</summary>
    public IReadOnlyList<JsonObject> Versions => Watch.Objects;

    public async Task<List<JsonObject>> EventsAboutAsync(string name) =>
        [.. (await _cluster.EventsAboutAsync(name)).Select(e => e!.AsObject())];

    public static string Name(JsonObject snapshot) => snapshot["metadata"]!["name"]!.GetValue<string>();

    public static string? Label(JsonObject snapshot, string label) => snapshot["metadata"]?["labels"]?[label]?.GetValue<string>();

    public static string? Status(JsonObject snapshot, string field) => snapshot["status"]?[field]?.ToString();

    public async ValueTask DisposeAsync() => await Watch.DisposeAsync();
}
