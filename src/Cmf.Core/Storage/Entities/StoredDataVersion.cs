namespace Cmf.Core.Storage.Entities;

/// <summary>
/// PostgreSQL's place for the data version (SQLite keeps it in <c>PRAGMA user_version</c>): one row, see
/// <see cref="StoreProvider.ReadDataVersionAsync"/>.
/// </summary>
internal sealed class StoredDataVersion
{
    public const int RowId = 1;

    public int Id { get; set; }

    public int Version { get; set; }
}
