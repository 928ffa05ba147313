using Cmf.Core.Model;
using Cmf.Core.Storage;
using Cmf.Core.Tracking;

namespace Cmf.Core.Ingest;

/// <summary>The store the pipeline commits to.</summary>
internal sealed class InstanceBatchStore(InstanceStore store) : IBatchStore
{
    public bool AnnouncesCommits => store.AnnouncesCommits;

    public Task UpsertEnvironmentsAsync(IEnumerable<EnvironmentInfo> environments, CancellationToken cancellationToken) =>
        store.UpsertEnvironmentsAsync(environments, cancellationToken);

    public Task<CommitResult> CommitAsync(
        IReadOnlyList<TrackerResult> batch, IReadOnlyDictionary<string, string> watchPositions, CancellationToken cancellationToken) =>
        store.CommitAsync(batch, watchPositions, cancellationToken);

    public Task<IReadOnlyList<ApplicationState>> LoadStatesAsync(IEnumerable<ApplicationKey> keys, CancellationToken cancellationToken) =>
        store.LoadStatesAsync(keys, cancellationToken);
}
