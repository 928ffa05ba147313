using System.Collections.Concurrent;
using Cmf.Core.Configuration;
using Cmf.Core.Kubernetes;
using Cmf.Core.Model;

namespace Cmf.Core.Ingest;

/// <summary>
/// Which environment a namespace belongs to. Configured environments come first; a watched namespace
/// without configuration becomes an environment named after the namespace, with no defaults (DESIGN 3.1).
/// </summary>
public sealed class EnvironmentCatalog
{
    private readonly ConcurrentDictionary<string, EnvironmentInfo> _byNamespace = new(StringComparer.Ordinal);

    public EnvironmentCatalog(IEnumerable<EnvironmentInfo> configured, bool watchAllNamespaces)
    {
        foreach (var environment in configured)
        {
            _byNamespace[environment.Namespace] = environment;
        }
        WatchAllNamespaces = watchAllNamespaces || _byNamespace.IsEmpty;
    }

    /// <summary>True when the watcher follows every namespace rather than only the configured ones.</summary>
    public bool WatchAllNamespaces { get; }

    /// <summary>The namespaces to watch, or null for all of them.</summary>
    public IReadOnlyList<string>? WatchedNamespaces => WatchAllNamespaces ? null : [.. _byNamespace.Keys.Order(StringComparer.Ordinal)];

    public IReadOnlyCollection<EnvironmentInfo> Known => [.. _byNamespace.Values];

    public static EnvironmentCatalog From(CmfOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configured = options.Environments.Select(e => new EnvironmentInfo(e.Name, e.Namespace, e.FlinkApplicationDefaults));
        return new EnvironmentCatalog(configured, options.Cluster.WatchAllNamespaces);
    }

    /// <summary>The environment of a namespace; <paramref name="discovered"/> is true the first time an unconfigured one is met.</summary>
    public EnvironmentInfo? Resolve(string @namespace, out bool discovered)
    {
        discovered = false;
        if (_byNamespace.TryGetValue(@namespace, out var known))
        {
            return known;
        }
        if (!WatchAllNamespaces)
        {
            return null;
        }
        var added = new EnvironmentInfo(@namespace, @namespace);
        discovered = _byNamespace.TryAdd(@namespace, added);
        return _byNamespace[@namespace];
    }
}
