namespace Cmf.Core.Storage.Entities;

/// <summary>
/// Tombstone of an instance removed by retention, so that its deep link answers "pruned" (410)
/// rather than "unknown" (404).
/// </summary>
internal sealed class PrunedInstance
{
    public required string Uid { get; set; }

    public required string Environment { get; set; }

    public required string ApplicationName { get; set; }

    public int Sequence { get; set; }

    public DateTimeOffset PrunedAt { get; set; }
}
