using Cmf.UnitTests.TestSupport;
using Cmf.UnitTests.Simulator.Support;
using k8s;
using k8s.Models;

namespace Cmf.UnitTests.Deploy.Support;

/// <summary>One overlay of deploy/kubernetes as the installed kubectl renders it, every object in KubernetesClient's typed models.</summary>
internal sealed class RenderedOverlay
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private RenderedOverlay(string yaml, IReadOnlyList<object> objects)
    {
        Yaml = yaml;
        Objects = objects;
    }

    public string Yaml { get; }

    public IReadOnlyList<object> Objects { get; }

    public static string Directory(string overlay) => Path.Combine(RepositoryPaths.Root, "deploy", "kubernetes", "overlays", overlay);

    public IEnumerable<T> All<T>() => Objects.OfType<T>();

    public V1Deployment Deployment => Assert.Single(All<V1Deployment>());

    public V1Container Dashboard => Assert.Single(Deployment.Spec.Template.Spec.Containers);

    public IDictionary<string, string> DashboardPodAnnotations => Deployment.Spec.Template.Metadata?.Annotations ?? new Dictionary<string, string>();

    public static async Task<RenderedOverlay> RenderAsync(string overlay)
    {
        var result = await Command.RunAsync("kubectl", ["kustomize", Directory(overlay)], Timeout);
        Assert.True(result.ExitCode == 0, $"kubectl kustomize {overlay} failed ({result.ExitCode}): {result.Error}");
        var yaml = result.Output;
        // Strict: a misspelt field is an error, not a silently dropped setting.
        var objects = KubernetesYaml.LoadAllFromString(yaml, typeMap: null, strict: true);
        return new RenderedOverlay(yaml, [.. objects]);
    }

    /// <summary>The document count of the rendered stream, counted apart from the typed loader.</summary>
    public int DocumentCount =>
        Yaml.Split("\n---\n").Count(document => document.Split('\n').Any(line => line.StartsWith("kind:", StringComparison.Ordinal)));
}
