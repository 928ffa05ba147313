using Cmf.Core.Ingest;

namespace Cmf.UnitTests.Architecture;

/// <summary>
/// The layers of Cmf.Core (docs/architecture.md): each folder/namespace names only the layers below it. A reference
/// not in this table, in a signature or a method body, fails the build's tests.
/// </summary>
public class CoreLayerTests
{
    private const string Root = "Cmf.Core";

    /// <summary>What each layer may name. A new folder must be added here, placed among the others.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["Model"] = [],
        ["Json"] = [],
        ["Specs"] = ["Model", "Json"],
        ["Attribution"] = ["Model", "Json", "Specs"],
        ["Tracking"] = ["Model", "Specs", "Attribution"],
        ["Feed"] = ["Model"],
        ["Configuration"] = ["Model", "Json", "Specs", "Feed"],
        ["Storage"] = ["Model", "Json", "Specs", "Attribution", "Tracking", "Feed", "Configuration"],
        ["Kubernetes"] = ["Model", "Json"],
        ["Telemetry"] = ["Kubernetes", "Feed"],
        ["Ingest"] = ["Model", "Json", "Specs", "Attribution", "Tracking", "Storage", "Feed", "Configuration", "Kubernetes", "Telemetry"],
    };

    [Fact]
    public void Every_layer_names_only_the_layers_it_may()
    {
        var references = LayerReferences.Find(typeof(IngestPipeline).Assembly, Root);

        var violations = LayerRules.Violations(references, Allowed);

        Assert.True(violations.Count == 0, "Layer violations:\n" + string.Join("\n", violations.Select(v => v.ToString()).Distinct().Take(50)));
    }

    [Fact]
    public void Every_folder_of_the_core_is_a_layer_of_the_table()
    {
        var layers = LayerReferences.Layers(typeof(IngestPipeline).Assembly, Root);

        Assert.Empty(layers.Except(Allowed.Keys));
        // A stale row would allow references to a layer that no longer exists.
        Assert.Empty(Allowed.Keys.Except(layers));
    }

    [Fact]
    public void The_table_has_no_cycle()
    {
        Assert.Null(LayerRules.Cycle(Allowed));
    }

    [Fact]
    public void The_ingest_layer_is_seen_naming_the_layers_it_drives()
    {
        // Guards the checker against finding nothing: these references exist, in signatures and in method bodies.
        var references = LayerReferences.Find(typeof(IngestPipeline).Assembly, Root);

        var fromIngest = references.Where(r => r.From == "Ingest").Select(r => r.To).ToHashSet();
        Assert.Superset(new HashSet<string> { "Kubernetes", "Tracking", "Storage", "Feed", "Specs" }, fromIngest);
    }
}
