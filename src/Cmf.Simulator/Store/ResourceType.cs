namespace Cmf.Simulator.Store;

/// <summary>One kind of object the simulated API server serves (what discovery lists).</summary>
internal sealed record ResourceType(
    string Group,
    string Version,
    string Kind,
    string Plural,
    string Singular,
    bool Namespaced,
    bool HasStatusSubresource,
    bool HasGeneration,
    bool RequiresResourceVersionOnUpdate,
    IReadOnlyList<string> ShortNames,
    IReadOnlyList<string> Categories)
{
    /// <summary>A PUT to a missing object creates it (the registry strategy's AllowCreateOnUpdate).</summary>
    public bool CreatesOnUpdate { get; init; }

    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>The name Kubernetes uses in error messages, e.g. <c>flinkdeployments.flink.apache.org</c>.</summary>
    public string GroupResource => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    public string ListKind => Kind + "List";

    public bool Matches(string group, string version) => Group == group && Version == version;
}
