using System.Text.Json.Nodes;

namespace Cmf.Dashboard.Api;

/// <summary>CMF's <c>FlinkApplication</c>: the FlinkDeployment's latest submitted spec (secrets masked) and the operator's status.</summary>
public sealed record CmfApplication
{
    public string ApiVersion => "cmf.confluent.io/v1";

    public string Kind => "FlinkApplication";

    public required CmfApplicationMetadata Metadata { get; init; }

    public required JsonObject Spec { get; init; }

    public required CmfApplicationStatus Status { get; init; }
}

public sealed record CmfApplicationMetadata
{
    public required string Name { get; init; }

    /// <summary>The FlinkDeployment object's UID.</summary>
    public string? Uid { get; init; }

    public string? UpdateTimestamp { get; init; }
}

/// <summary>The FlinkDeployment status fields we keep, plus CMF's <c>currentDeployedInstanceName</c>.</summary>
public sealed record CmfApplicationStatus
{
    public required CmfJobStatus JobStatus { get; init; }

    public string? LifecycleState { get; init; }

    public string? JobManagerDeploymentStatus { get; init; }

    public CmfReconciliationStatus? ReconciliationStatus { get; init; }

    public long? ObservedGeneration { get; init; }

    public string? Error { get; init; }

    /// <summary>The UID of the instance whose cluster is live; absent when no cluster is live.</summary>
    public string? CurrentDeployedInstanceName { get; init; }
}

/// <summary>CMF's <c>jobStatus</c> of an application or an instance.</summary>
public sealed record CmfJobStatus
{
    public string? State { get; init; }

    public string? JobId { get; init; }

    public string? JobName { get; init; }

    public string? UpgradeSavepointPath { get; init; }
}

public sealed record CmfReconciliationStatus(string State);
