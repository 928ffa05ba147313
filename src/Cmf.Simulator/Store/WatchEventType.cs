namespace Cmf.Simulator.Store;

/// <summary>The event types of a Kubernetes watch stream, spelled as on the wire.</summary>
internal static class WatchEventType
{
    public const string Added = "ADDED";
    public const string Modified = "MODIFIED";
    public const string Deleted = "DELETED";
    public const string Bookmark = "BOOKMARK";
    public const string Error = "ERROR";
}
