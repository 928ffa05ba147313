using System.Runtime.CompilerServices;
using Cmf.Core.Model;

namespace Cmf.Core.Feed;

/// <summary>
/// One subscriber's mailbox: pending keys are merged into sets (so a burst costs one entry per key),
/// bounded by <see cref="FeedOptions.MaxPendingKeys"/>; past that, the keys are dropped for a resync marker.
/// </summary>
internal sealed class FeedSubscriber(ChangeFilter filter, FeedOptions options, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _doorbell = new(0, 1);
    private HashSet<ApplicationKey> _applications = [];
    private HashSet<string> _instances = new(StringComparer.Ordinal);
    private bool _resync;
    private long? _firstPendingAt;

    public ChangeFilter Filter { get; } = filter;

    public void Offer(ChangeSet changes)
    {
        if (!Filter.Matches(changes))
        {
            return;
        }
        lock (_gate)
        {
            _firstPendingAt ??= time.GetTimestamp();
            if (!_resync)
            {
                _applications.UnionWith(changes.Applications);
                _instances.UnionWith(changes.InstanceUids);
                if (_applications.Count + _instances.Count > options.MaxPendingKeys)
                {
                    _resync = true;
                    _applications = [];
                    _instances = new(StringComparer.Ordinal);
                }
            }
        }
        Ring();
    }

    public void RequestResync()
    {
        lock (_gate)
        {
            _firstPendingAt ??= time.GetTimestamp();
            _resync = true;
        }
        Ring();
    }

    public async IAsyncEnumerable<ChangeBatch> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var window = TimeSpan.FromMilliseconds(options.CoalesceMilliseconds);
        while (true)
        {
            await _doorbell.WaitAsync(cancellationToken);
            // The window opens with the oldest pending change, not when the reader gets round to it: a reader that was
            // busy with the previous batch for longer than the window takes the next one at once.
            var remaining = window - PendingFor();
            if (remaining > TimeSpan.Zero)
            {
                await Task.Delay(remaining, time, cancellationToken);
            }
            if (Take() is { } batch)
            {
                yield return batch;
            }
        }
    }

    private TimeSpan PendingFor()
    {
        lock (_gate)
        {
            return _firstPendingAt is { } since ? time.GetElapsedTime(since) : TimeSpan.Zero;
        }
    }

    private ChangeBatch? Take()
    {
        lock (_gate)
        {
            if (!_resync && _applications.Count == 0 && _instances.Count == 0)
            {
                return null;
            }
            var batch = new ChangeBatch(_applications, _instances, _resync);
            _applications = [];
            _instances = new(StringComparer.Ordinal);
            _resync = false;
            _firstPendingAt = null;
            return batch;
        }
    }

    private void Ring()
    {
        // The doorbell holds at most one ring: everything offered before the reader wakes is in the sets.
        try
        {
            _doorbell.Release();
        }
        catch (SemaphoreFullException)
        {
        }
    }
}
