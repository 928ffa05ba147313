using Cmf.Core.Model;
using Cmf.Core.Tracking;

namespace Cmf.Core.Ingest;

/// <summary>What one commit carries: tracker results, watch positions and completed lists, new environments.</summary>
internal sealed class IngestBatch(string positionScope)
{
    public List<TrackerResult> Results { get; } = [];

    public BatchPositions Positions { get; } = new(positionScope);

    public List<EnvironmentInfo> NewEnvironments { get; } = [];

    /// <summary>Something to store: tracker results, watch positions or new environments.</summary>
    public bool HasWrites => Results.Count > 0 || Positions.Positions.Count > 0 || NewEnvironments.Count > 0;

    /// <summary>Nothing to store and no list that completes with it.</summary>
    public bool IsEmpty => !HasWrites && Positions.CompletedLists.Count == 0;

    /// <summary>The applications whose tracked state this batch changed.</summary>
    public IEnumerable<ApplicationKey> Applications => Results.Select(r => r.State.Key);
}
