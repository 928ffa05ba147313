namespace Cmf.Core.Storage.Entities;

/// <summary>
/// The one row that fences writers: each replica that becomes leader increments <see cref="Epoch"/>, and a commit goes
/// through only while the stored epoch is still the one its writer claimed.
/// </summary>
internal sealed class StoredWriterEpoch
{
    public const int RowId = 1;

    public int Id { get; set; }

    public long Epoch { get; set; }

    public required string Holder { get; set; }

    public DateTimeOffset ClaimedAt { get; set; }
}
