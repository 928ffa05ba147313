namespace Cmf.Core.Storage.Entities;

/// <summary>
/// How far one watch (a kind in a scope) has been applied: committed with the batch it ends, so after a
/// restart the watcher resumes exactly there and nothing that happened while it was down is lost.
/// </summary>
internal sealed class StoredWatchPosition
{
    public required string Name { get; set; }

    public required string ResourceVersion { get; set; }
}
