using Cmf.Core.Model;
using Cmf.Core.Storage;
using Cmf.Core.Storage.Views;

namespace Cmf.Dashboard.Model;

/// <summary>
/// Reads a page of the changes list for the page and the API alike: the store's rows, each with its outcome in words
/// (<see cref="InstanceOutcome.Describe"/> of the outcome the tracker stored on the instance). The outcome filter is
/// part of the store's query, so a page is one statement whatever the filter.
/// </summary>
public static class ChangeListReader
{
    public const int DefaultPageSize = 50;

    public const int MaxPageSize = 200;

    public static async Task<ChangeListPage> ReadAsync(
        StoreQueries queries, ChangeListFilter filter, int pageSize, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(filter);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var list = await queries.ListChangesAsync(filter.ToQuery(now, pageSize), cancellationToken);
        return new ChangeListPage([.. list.Entries.Select(entry => Row(entry, now))], list.Next);
    }

    private static ChangeRow Row(ChangeEntry entry, DateTimeOffset now)
    {
        var instance = entry.Instance;
        return new ChangeRow
        {
            Environment = entry.Application.Environment,
            Application = entry.Application.Name,
            Instance = new InstanceReference(instance.Uid, instance.Sequence),
            CreatedAt = instance.CreatedAt,
            Summary = entry.Summary ?? "not recorded",
            Kinds = entry.Kinds,
            ConfigurationKeys = entry.ConfigurationKeys,
            Outcome = entry.Instance.Outcome is { } outcome
                ? InstanceOutcome.Describe(outcome, instance, entry.CurrentInstanceUid, entry.ErrorEpisode, now)
                : null,
            Previous = entry.Previous,
            ChangedBy = entry.Instance.ChangedBy,
            ChangeOrigin = entry.Instance.ChangeOrigin,
            DiffType = SpecDiffTypeNames.OperatorName(entry.Instance.DiffType),
            DiffTypeDescription = entry.Instance.DiffType is null ? null : DiffTypeText.Describe(entry.Instance.DiffType),
        };
    }
}
