using System.Threading.Channels;

namespace Cmf.Simulator.Store;

/// <summary>
/// One open watch inside the store. Events are offered under the store's lock, so their order is the
/// order of resource versions; a watcher that falls too far behind is closed, as the API server does.
/// </summary>
internal sealed class WatchSubscription : IDisposable
{
    private readonly Channel<WatchItem> _channel;
    private readonly Action<WatchSubscription> _unsubscribe;

    public WatchSubscription(ResourceType type, Func<StoredObject, bool> filter, int capacity, Action<WatchSubscription> unsubscribe)
    {
        Type = type;
        Filter = filter;
        _unsubscribe = unsubscribe;
        _channel = Channel.CreateBounded<WatchItem>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public ResourceType Type { get; }

    public Func<StoredObject, bool> Filter { get; }

    public ChannelReader<WatchItem> Reader => _channel.Reader;

    /// <summary>True when the watcher could not keep up and its stream must end.</summary>
    public bool Overflowed { get; private set; }

    /// <summary>Translates a change into what this watcher sees: objects entering or leaving its selector become ADDED or DELETED.</summary>
    public void Offer(StoreChange change)
    {
        var matchesNow = Filter(change.Object);
        if (change.EventType == WatchEventType.Modified)
        {
            var matchedBefore = change.Previous is not null && Filter(change.Previous);
            if (matchesNow && matchedBefore)
            {
                Write(WatchItem.For(WatchEventType.Modified, change.Object));
            }
            else if (matchesNow)
            {
                Write(WatchItem.For(WatchEventType.Added, change.Object));
            }
            else if (matchedBefore)
            {
                Write(WatchItem.For(WatchEventType.Deleted, change.Object));
            }
            return;
        }
        if (matchesNow)
        {
            Write(WatchItem.For(change.EventType, change.Object));
        }
    }

    public void Write(WatchItem item)
    {
        if (Overflowed)
        {
            return;
        }
        if (!_channel.Writer.TryWrite(item))
        {
            Overflowed = true;
            _channel.Writer.TryComplete();
        }
    }

    public void Dispose()
    {
        _channel.Writer.TryComplete();
        _unsubscribe(this);
    }
}
