using Cmf.Core.Model;
using Cmf.Core.Tracking;

namespace Cmf.Core.Storage.Views;

/// <summary>One instance with its fingerprinted spec texts, the clusters it ran on and its neighbours.</summary>
public sealed record InstanceDetailView
{
    public required ApplicationKey Application { get; init; }

    public required InstanceState Instance { get; init; }

    /// <summary>Canonical fingerprinted effective spec; null only if the tracker never handed it over.</summary>
    public string? EffectiveSpecJson { get; init; }

    /// <summary>Clusters this instance ran on (from the start or handed over in place), oldest first.</summary>
    public required IReadOnlyList<ClusterState> Clusters { get; init; }

    /// <summary>The retained instance just before this one (the default "diff with previous").</summary>
    public string? PreviousInstanceUid { get; init; }

    public string? NextInstanceUid { get; init; }

    public bool IsCurrent { get; init; }

    public bool IsLatest { get; init; }

    public SavepointLineage Lineage { get; init; } = new();

    /// <summary>The operator's Kubernetes Events filed under this instance, newest first (at most <see cref="StoreQueries.MaxInstanceOperatorEvents"/>).</summary>
    public IReadOnlyList<EventView> OperatorEvents { get; init; } = [];
}
