namespace Cmf.Simulator.Store;

/// <summary>
/// One page of a list: its objects, the version every page of the list is read at, the token for the next page (null on
/// the last) and how many objects follow (null when a selector filters the list, as the API server leaves it out then).
/// </summary>
internal sealed record ListPage(List<StoredObject> Items, long Version, ListContinuation? Next, long? RemainingItemCount);
