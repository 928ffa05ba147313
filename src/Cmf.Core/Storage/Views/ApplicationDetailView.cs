using Cmf.Core.Model;

namespace Cmf.Core.Storage.Views;

/// <summary>The application page header: the list row plus the object and the operator's status.</summary>
public sealed record ApplicationDetailView
{
    public required ApplicationSummary Summary { get; init; }

    public string? ObjectUid { get; init; }

    public string? ResourceVersion { get; init; }

    public long Generation { get; init; }

    public int LastSequence { get; init; }

    public string? JobId { get; init; }

    public string? JobName { get; init; }

    public JobManagerDeploymentStatus? JobManagerDeploymentStatus { get; init; }

    public ReconciliationState? ReconciliationState { get; init; }

    public long? ObservedGeneration { get; init; }

    public string? UpgradeSavepointPath { get; init; }
}
