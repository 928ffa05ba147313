namespace Cmf.Simulator.Store;

/// <summary>What a watch stream sends next: an object event, or a bookmark carrying only a resource version.</summary>
internal readonly record struct WatchItem(string EventType, StoredObject? Object, long BookmarkVersion)
{
    public static WatchItem For(string eventType, StoredObject obj) => new(eventType, obj, 0);

    public static WatchItem Bookmark(long version) => new(WatchEventType.Bookmark, null, version);
}
