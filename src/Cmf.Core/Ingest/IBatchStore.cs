using Cmf.Core.Model;
using Cmf.Core.Storage;
using Cmf.Core.Tracking;

namespace Cmf.Core.Ingest;

/// <summary>
/// What committing batches and recovering from a failed commit need of the store: the <see cref="InstanceStore"/>
/// (through <see cref="InstanceBatchStore"/>), or in tests one that fails on purpose in front of it.
/// </summary>
internal interface IBatchStore
{
    /// <inheritdoc cref="InstanceStore.AnnouncesCommits"/>
    bool AnnouncesCommits { get; }

    Task UpsertEnvironmentsAsync(IEnumerable<EnvironmentInfo> environments, CancellationToken cancellationToken);

    Task<CommitResult> CommitAsync(
        IReadOnlyList<TrackerResult> batch, IReadOnlyDictionary<string, string> watchPositions, CancellationToken cancellationToken);

    Task<IReadOnlyList<ApplicationState>> LoadStatesAsync(IEnumerable<ApplicationKey> keys, CancellationToken cancellationToken);
}
