using System.Data.Common;
using Cmf.Core.Storage.Entities;

namespace Cmf.Core.Storage.Writing;

/// <summary>
/// The writer epoch one <see cref="InstanceStore"/> claimed, and the check every one of its write transactions makes
/// first: lock the epoch row and go on only while it still holds this claim.
/// </summary>
internal sealed record WriterFence(string Holder, long Epoch)
{
    // Inserts the row at the first claim; afterwards increments it. Atomic: the upsert locks the row.
    private const string ClaimSql =
        """
        INSERT INTO "WriterEpoch" ("Id", "Epoch", "Holder", "ClaimedAt") VALUES (@Id, 1, @Holder, @ClaimedAt)
        ON CONFLICT ("Id") DO UPDATE SET "Epoch" = "WriterEpoch"."Epoch" + 1, "Holder" = excluded."Holder", "ClaimedAt" = excluded."ClaimedAt"
        RETURNING "Epoch"
        """;

    public static async Task<WriterFence> ClaimAsync(
        DbConnection connection, DbTransaction transaction, string holder, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var claim = new Statement(connection, transaction, ClaimSql, "Id", "Holder", "ClaimedAt");
        var epoch = await claim.With(StoredWriterEpoch.RowId, holder, now).ScalarAsync(cancellationToken);
        return new WriterFence(holder, Convert.ToInt64(epoch, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Throws <see cref="WriterDeposedException"/> when another writer has claimed a later epoch.</summary>
    public async Task CheckAsync(DbConnection connection, DbTransaction transaction, string lockRowClause, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT \"Epoch\", \"Holder\" FROM \"WriterEpoch\" WHERE \"Id\" = {StoredWriterEpoch.RowId}{lockRowClause}";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new InvalidOperationException("The writer epoch row is gone although this store claimed an epoch.");
        }
        var (epoch, holder) = (reader.GetInt64(0), reader.GetString(1));
        if (epoch != Epoch)
        {
            throw new WriterDeposedException(Holder, Epoch, holder, epoch);
        }
    }
}
