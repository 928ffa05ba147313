using Microsoft.EntityFrameworkCore;

namespace Cmf.Core.Storage.Writing;

/// <summary>
/// The one-time pass that records what changed (<see cref="ChangeColumns"/>) on instances stored before data version 2:
/// each instance is compared with the kept instance before it. Applications go a chunk per transaction, reading one
/// application's specs at a time; the pass only fills rows that have no summary, so one interrupted half-way runs again.
/// </summary>
internal static class ChangeBackfill
{
    /// <summary>The data version the pass brings a store to (after <see cref="SecretFingerprintRefresh.DataVersion"/>).</summary>
    public const int DataVersion = 2;

    private const int ApplicationsPerTransaction = 50;

    /// <returns>How many instances got their change recorded.</returns>
    public static async Task<int> RunAsync(StoreProvider provider, CancellationToken cancellationToken)
    {
        var recorded = 0;
        var afterId = 0L;
        while (true)
        {
            await using var db = provider.CreateContext();
            await using var transaction = await provider.BeginWriteTransactionAsync(db, cancellationToken);
            var applicationIds = await db.Applications
                .Where(a => a.Id > afterId)
                .OrderBy(a => a.Id)
                .Select(a => a.Id)
                .Take(ApplicationsPerTransaction)
                .ToListAsync(cancellationToken);
            foreach (var applicationId in applicationIds)
            {
                recorded += await RecordApplicationAsync(db, applicationId, cancellationToken);
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            if (applicationIds.Count < ApplicationsPerTransaction)
            {
                return recorded;
            }
            afterId = applicationIds[^1];
        }
    }

    private static async Task<int> RecordApplicationAsync(CmfDbContext db, long applicationId, CancellationToken cancellationToken)
    {
        if (!await db.Instances.AnyAsync(i => i.ApplicationId == applicationId && i.ChangeSummary == null, cancellationToken))
        {
            return 0;
        }
        var instances = await db.Instances
            .Where(i => i.ApplicationId == applicationId)
            .OrderBy(i => i.Sequence)
            .ToListAsync(cancellationToken);
        var ids = instances.Select(i => i.Id).ToList();
        var specs = await db.InstanceSpecs.AsNoTracking()
            .Where(s => ids.Contains(s.InstanceId))
            .ToDictionaryAsync(s => s.InstanceId, s => s.EffectiveSpecJson, cancellationToken);
        var recorded = 0;
        string? previous = null;
        foreach (var instance in instances)
        {
            var spec = specs.GetValueOrDefault(instance.Id);
            if (instance.ChangeSummary is null && spec is not null)
            {
                var change = ChangeColumns.Of(instance.Sequence, previous, spec);
                instance.ChangeSummary = change.Summary;
                instance.ChangeKinds = (int)change.Kinds;
                instance.ChangedConfigurationKeys = ChangeColumns.KeysText(change.ConfigurationKeys);
                recorded++;
            }
            previous = spec;
        }
        return recorded;
    }
}
