using Microsoft.Extensions.Options;

namespace Cmf.Core.Feed;

/// <summary>
/// Pushes committed changes to whoever listens, in the style of the Aspire dashboard client: a subscriber
/// reads what it shows once and then gets a stream of coalesced change batches; cancelling unsubscribes.
/// </summary>
public sealed class ChangeFeed(IOptions<FeedOptions> options, TimeProvider time)
{
    private readonly Lock _gate = new();
    private FeedSubscriber[] _subscribers = [];
    private long _publications;

    public ChangeFeed()
        : this(Options.Create(new FeedOptions()), TimeProvider.System)
    {
    }

    public int SubscriberCount => Volatile.Read(ref _subscribers).Length;

    /// <summary>
    /// How many publications (commits and resyncs) the feed has told so far. A read started after this number was taken
    /// sees every commit published up to it, so reads may be shared between subscribers while it stays the same.
    /// </summary>
    public long Publications => Interlocked.Read(ref _publications);

    /// <summary>Follows the changes <paramref name="filter"/> selects from now on, without reading anything first.</summary>
    public Task<Subscription> SubscribeAsync(ChangeFilter filter, CancellationToken cancellationToken) =>
        SubscribeAsync(filter, _ => Task.CompletedTask, cancellationToken);

    /// <summary>
    /// Registers first and runs <paramref name="snapshot"/> (the subscriber's first read) second, so nothing committed in
    /// between is missed (at worst a change is both in the read and in the first batch; batches are keys, so that is harmless).
    /// </summary>
    public async Task<Subscription> SubscribeAsync(
        ChangeFilter filter,
        Func<CancellationToken, Task> snapshot,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(snapshot);
        var subscriber = new FeedSubscriber(filter, options.Value, time);
        Add(subscriber);
        // Cancellation unsubscribes even if the caller never enumerates the changes.
        var registration = cancellationToken.Register(() => Remove(subscriber));
        try
        {
            await snapshot(cancellationToken);
            return new Subscription(Stream(subscriber, registration, cancellationToken));
        }
        catch
        {
            await registration.DisposeAsync();
            Remove(subscriber);
            throw;
        }
    }

    /// <summary>Called by the single writer after each commit.</summary>
    public void Publish(ChangeSet changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.IsEmpty)
        {
            return;
        }
        Interlocked.Increment(ref _publications);
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            subscriber.Offer(changes);
        }
    }

    /// <summary>Tells every subscriber to re-read everything (e.g. after the watcher relisted).</summary>
    public void PublishResync()
    {
        Interlocked.Increment(ref _publications);
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            subscriber.RequestResync();
        }
    }

    private async IAsyncEnumerable<ChangeBatch> Stream(
        FeedSubscriber subscriber,
        CancellationTokenRegistration registration,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var _ = registration;
        try
        {
            await foreach (var batch in subscriber.ReadAllAsync(cancellationToken))
            {
                yield return batch;
            }
        }
        finally
        {
            Remove(subscriber);
        }
    }

    private void Add(FeedSubscriber subscriber)
    {
        lock (_gate)
        {
            _subscribers = [.. _subscribers, subscriber];
        }
    }

    private void Remove(FeedSubscriber subscriber)
    {
        lock (_gate)
        {
            _subscribers = [.. _subscribers.Where(s => !ReferenceEquals(s, subscriber))];
        }
    }
}
