using System.Diagnostics;
using Cmf.Core.Feed;
using Cmf.Core.Ingest;
using Cmf.Core.Model;
using Cmf.Core.Storage;
using Cmf.Core.Tracking;

namespace Cmf.UnitTests.Ingest;

/// <summary>
/// Stands in front of the real store and writes every commit through to it, noting what the pipeline did around each
/// one: the feed's publications when it started, how many commits were in flight, whether the pipeline tracked its
/// next batch meanwhile. It can hold a commit until the next batch is tracked (so commit and tracking overlap for sure)
/// and make one commit throw, as a full disk would, without writing anything.
/// </summary>
internal sealed class ObservedCommits(IBatchStore store, ChangeFeed feed) : IBatchStore
{
    private static readonly TimeSpan HoldLimit = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private readonly List<ObservedCommit> _commits = [];
    private int _inFlight;
    private int _started;
    private bool _failArmed;
    private HashSet<ApplicationState> _failedStates = new(ReferenceEqualityComparer.Instance);
    private int _builtOnFailed;

    /// <summary>The pipeline whose tracking is watched; set before a commit is held.</summary>
    public IngestPipeline? Pipeline { get; set; }

    /// <summary>Which commits (numbered from 1) to hold until the pipeline has tracked its next batch.</summary>
    public Func<int, bool> HoldWhile { get; set; } = _ => false;

    /// <summary>When set, every commit waits (bounded) for a release of it before it writes.</summary>
    public SemaphoreSlim? Gate { get; set; }

    /// <summary>Commits started so far, held ones included.</summary>
    public int StartedCommits => Volatile.Read(ref _started);

    public int MostInFlight { get; private set; }

    /// <summary>A commit holding results is being held before it fails (see <see cref="FailNextCommitWithResults"/>).</summary>
    public bool HoldingTheFailingCommit { get; private set; }

    public IReadOnlyList<ObservedCommit> Commits
    {
        get
        {
            lock (_gate)
            {
                return [.. _commits];
            }
        }
    }

    /// <summary>Results committed after the failed commit whose tracking started from a state that commit held: none may be.</summary>
    public int ResultsBuiltOnTheFailedCommit => Volatile.Read(ref _builtOnFailed);

    public bool AnnouncesCommits => store.AnnouncesCommits;

    /// <summary>The next commit that holds tracker results is held until the next batch is tracked, then throws.</summary>
    public void FailNextCommitWithResults() => _failArmed = true;

    public Task UpsertEnvironmentsAsync(IEnumerable<EnvironmentInfo> environments, CancellationToken cancellationToken) =>
        store.UpsertEnvironmentsAsync(environments, cancellationToken);

    public Task<IReadOnlyList<ApplicationState>> LoadStatesAsync(IEnumerable<ApplicationKey> keys, CancellationToken cancellationToken) =>
        store.LoadStatesAsync(keys, cancellationToken);

    public async Task<CommitResult> CommitAsync(
        IReadOnlyList<TrackerResult> batch, IReadOnlyDictionary<string, string> watchPositions, CancellationToken cancellationToken)
    {
        var number = Interlocked.Increment(ref _started);
        var inFlight = Interlocked.Increment(ref _inFlight);
        var publicationsAtStart = feed.Publications;
        var trackedAtStart = TrackedBatches();
        var fails = _failArmed && batch.Count > 0;
        _failArmed &= !fails;
        lock (_gate)
        {
            MostInFlight = Math.Max(MostInFlight, inFlight);
        }
        try
        {
            if (Gate is { } gate && !await gate.WaitAsync(HoldLimit, cancellationToken))
            {
                throw new TimeoutException($"Commit {number} was not released within {HoldLimit}.");
            }
            var nextTracked = false;
            if (fails || HoldWhile(number))
            {
                HoldingTheFailingCommit = fails;
                nextTracked = await NextBatchTrackedAsync(trackedAtStart, cancellationToken);
                HoldingTheFailingCommit = false;
            }
            if (fails)
            {
                _failedStates = new HashSet<ApplicationState>(batch.Select(r => r.State), ReferenceEqualityComparer.Instance);
                Note(new ObservedCommit(number, publicationsAtStart, nextTracked, Failed: true, Sequence: null, Published: false, batch.Count));
                throw new IOException($"Injected failure of commit {number} (disk full).");
            }
            Interlocked.Add(ref _builtOnFailed, batch.Count(r => _failedStates.Contains(r.Previous)));
            var committed = await store.CommitAsync(batch, watchPositions, cancellationToken);
            Note(new ObservedCommit(number, publicationsAtStart, nextTracked, Failed: false, committed.Sequence, !committed.Changes().IsEmpty, batch.Count));
            return committed;
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private long TrackedBatches() => Pipeline?.TrackedBatches ?? 0;

    private async Task<bool> NextBatchTrackedAsync(long trackedAtStart, CancellationToken cancellationToken)
    {
        var held = Stopwatch.StartNew();
        while (held.Elapsed < HoldLimit)
        {
            if (TrackedBatches() > trackedAtStart)
            {
                return true;
            }
            await Task.Delay(5, cancellationToken);
        }
        return false;
    }

    private void Note(ObservedCommit commit)
    {
        lock (_gate)
        {
            _commits.Add(commit);
        }
    }
}

/// <summary>One commit as the pipeline asked for it.</summary>
/// <param name="PublicationsAtStart">The change feed's publications when the commit started.</param>
/// <param name="NextBatchTracked">The pipeline tracked another batch while this commit was held.</param>
/// <param name="Published">The commit changed something, so the feed is told of it.</param>
internal sealed record ObservedCommit(
    int Number, long PublicationsAtStart, bool NextBatchTracked, bool Failed, long? Sequence, bool Published, int Results);
