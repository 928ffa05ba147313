using Cmf.Core.Tracking;
using Microsoft.EntityFrameworkCore;

namespace Cmf.Core.Storage.Writing;

/// <summary>
/// The one-time pass that stores each instance's outcome (<see cref="InstanceOutcomeRules"/>) on stores written before
/// data version 3: every application's state is rebuilt from its rows, as the tracker will see it, and the outcomes the
/// rules give are written where the row differs. A chunk of applications per transaction; one interrupted half-way runs again.
/// </summary>
internal static class OutcomeBackfill
{
    /// <summary>The data version the pass brings a store to (after <see cref="ChangeBackfill.DataVersion"/>).</summary>
    public const int DataVersion = 3;

    private const int ApplicationsPerTransaction = 50;

    /// <returns>How many instances got their outcome written.</returns>
    public static async Task<int> RunAsync(StoreProvider provider, CancellationToken cancellationToken)
    {
        var written = 0;
        var afterId = 0L;
        while (true)
        {
            await using var db = provider.CreateContext();
            await using var transaction = await provider.BeginWriteTransactionAsync(db, cancellationToken);
            var chunk = await StateLoader.LoadChunkAsync(db, afterId, ApplicationsPerTransaction, cancellationToken);
            if (chunk.Count == 0)
            {
                return written;
            }
            var outcomes = chunk
                .SelectMany(a => InstanceOutcomeRules.Apply(a.State).Instances)
                .ToDictionary(i => i.Uid, i => i.Outcome, StringComparer.Ordinal);
            var first = chunk[0].Id;
            var last = chunk[^1].Id;
            var rows = await db.Instances.Where(i => i.ApplicationId >= first && i.ApplicationId <= last).ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                var outcome = outcomes.GetValueOrDefault(row.Uid);
                if (!Equals(OutcomeColumns.Read(row), outcome))
                {
                    OutcomeColumns.Write(row, outcome);
                    written++;
                }
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (chunk.Count < ApplicationsPerTransaction)
            {
                return written;
            }
            afterId = last;
        }
    }
}
