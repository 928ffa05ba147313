using System.Text.Json.Nodes;

namespace Cmf.Dashboard.Api;

/// <summary>CMF's <c>FlinkApplicationInstance</c>: name and uid are the instance UID; <c>status.spec</c> is the effective spec, secrets masked.</summary>
public sealed record CmfInstance
{
    public string ApiVersion => "cmf.confluent.io/v1";

    public string Kind => "FlinkApplicationInstance";

    public required CmfInstanceMetadata Metadata { get; init; }

    public required CmfInstanceStatus Status { get; init; }
}

public sealed record CmfInstanceMetadata
{
    public required string Name { get; init; }

    public required string Uid { get; init; }

    public required string CreationTimestamp { get; init; }

    /// <summary>When the instance's status last changed (its creation when it never had one).</summary>
    public required string UpdateTimestamp { get; init; }

    /// <summary>
    /// Who wrote the spec change (<see cref="CmfMapping.ChangedByAnnotation"/> and its siblings), in CMF's free-form
    /// annotations, the one place its instance schema leaves for it; absent when nothing is recorded.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Annotations { get; init; }
}

public sealed record CmfInstanceStatus(JsonObject Spec, CmfJobStatus JobStatus);
