using System.Text.Json.Nodes;
using Cmf.Core.Kubernetes;
using Cmf.Core.Model;
using Cmf.Core.Specs;

namespace Cmf.Core.Ingest;

/// <summary>
/// Which environment an object belongs to, by its namespace, and which environments still have to be stored: the
/// configured ones once at start, a discovered one with the batch that first saw it.
/// </summary>
internal sealed class EnvironmentDiscovery(EnvironmentCatalog catalog)
{
    private readonly HashSet<string> _stored = new(StringComparer.Ordinal);

    /// <summary>The configured environments, to store at start.</summary>
    public IReadOnlyCollection<EnvironmentInfo> Known => catalog.Known;

    public void Stored(IEnumerable<EnvironmentInfo> environments) => _stored.UnionWith(environments.Select(e => e.Name));

    /// <summary>The environment the object's namespace belongs to (null: not watched); a new one is noted for storing.</summary>
    public EnvironmentInfo? EnvironmentOf(ApiObject item, List<EnvironmentInfo> newEnvironments)
    {
        var @namespace = NamespaceOf(item.Json);
        if (@namespace is null || catalog.Resolve(@namespace, out var discovered) is not { } environment)
        {
            return null;
        }
        if (discovered || !_stored.Contains(environment.Name))
        {
            newEnvironments.Add(environment);
            _stored.Add(environment.Name);
        }
        return environment;
    }

    /// <summary>Their commit failed: they must be stored with a later batch.</summary>
    public void NotStored(IEnumerable<EnvironmentInfo> environments)
    {
        foreach (var environment in environments)
        {
            _stored.Remove(environment.Name);
        }
    }

    /// <summary>Environment defaults may hold secrets too; the database only ever sees them fingerprinted.</summary>
    public static IEnumerable<EnvironmentInfo> Fingerprinted(IEnumerable<EnvironmentInfo> environments) =>
        environments.Select(e => e.FlinkApplicationDefaults is null
            ? e
            : e with { FlinkApplicationDefaults = (JsonObject?)SecretMasker.Fingerprint(e.FlinkApplicationDefaults) });

    private static string? NamespaceOf(JsonObject item) =>
        item["metadata"] is JsonObject metadata
        && metadata["namespace"] is JsonValue value
        && value.TryGetValue<string>(out var @namespace)
            ? @namespace
            : null;
}
