namespace Cmf.Dashboard.Api;

/// <summary>One CMF list endpoint's query parameters beyond paging: what it sorts by, filters on and searches.</summary>
public sealed record CmfList(string Name, IReadOnlyList<string> Sorts, CmfFilterFields? Filter, IReadOnlyList<string> SearchFields)
{
    public const string MessageField = "message";
    public const string InstanceField = "flinkApplicationInstance";
    public const string NameField = "name";
    public const string NamespaceField = "kubernetesNamespace";

    public static CmfList Environments { get; } = new("environments", ["name"], CmfFilterFields.Environments, [NameField, NamespaceField]);

    /// <summary>CMF's OpenAPI gives applications <c>filter</c> and no <c>search</c>.</summary>
    public static CmfList Applications { get; } = new("applications", ["name", "updateTimestamp"], CmfFilterFields.Applications, []);

    /// <summary>CMF's OpenAPI gives instances paging only (this server takes <c>fields</c> too).</summary>
    public static CmfList Instances { get; } = new("application instances", ["name", "creationTimestamp"], null, []);

    public static CmfList Events { get; } = new("events", ["creationTimestamp"], CmfFilterFields.Events, [MessageField, InstanceField]);
}
