using System.Text.Json.Nodes;

namespace Cmf.Dashboard.Api;

/// <summary>CMF's <c>Environment</c>: a name bound to a namespace, with its FlinkApplication defaults (secrets masked).</summary>
public sealed record CmfEnvironment
{
    public required string Name { get; init; }

    public required string KubernetesNamespace { get; init; }

    public required CmfEnvironmentMetadata Metadata { get; init; }

    public JsonObject? FlinkApplicationDefaults { get; init; }

    /// <summary>CMF maps connection secrets per environment; this server manages none.</summary>
    public IReadOnlyDictionary<string, string> Secrets { get; init; } = new Dictionary<string, string>();
}

/// <summary>CMF's <c>EnvironmentMetadata</c>.</summary>
public sealed record CmfEnvironmentMetadata(string Name);
