using Cmf.Core.Model;
using Cmf.Core.Storage;
using Cmf.Core.Storage.Views;

namespace Cmf.Dashboard.Model;

/// <summary>
/// Reads a page of the changes list for the page and the API alike: the store's rows, each with its outcome told by
/// <see cref="InstanceOutcome.For"/> from its application's history. The outcome is not a column (it changes with every
/// later event of the application), so an outcome filter examines the newest changes a chunk at a time, at most
/// <see cref="MaxExamined"/> per page, and the page continues where it stopped.
/// </summary>
public static class ChangeListReader
{
    public const int DefaultPageSize = 50;

    public const int MaxPageSize = 200;

    /// <summary>How many changes one page with an outcome filter examines at most.</summary>
    public const int MaxExamined = 500;

    private const int ChunkSize = 100;

    public static async Task<ChangeListPage> ReadAsync(
        StoreQueries queries, ChangeListFilter filter, int pageSize, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(filter);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        if (filter.Outcome is not { } outcome)
        {
            var list = await queries.ListChangesAsync(filter.ToQuery(now, pageSize), cancellationToken);
            return new ChangeListPage(Rows(list, now), list.Next, ExaminedLimitReached: false);
        }
        var rows = new List<ChangeRow>();
        var examined = 0;
        var before = filter.Before;
        while (true)
        {
            var list = await queries.ListChangesAsync((filter with { Before = before }).ToQuery(now, ChunkSize), cancellationToken);
            foreach (var (row, entry) in Rows(list, now).Zip(list.Entries))
            {
                examined++;
                if (ChangeOutcomes.Matches(outcome, row.Outcome.Kind))
                {
                    rows.Add(row);
                }
                var full = rows.Count == pageSize;
                if (full || examined == MaxExamined)
                {
                    var more = !ReferenceEquals(entry, list.Entries[^1]) || list.Next is not null;
                    return new ChangeListPage(rows, more ? entry.Position : null, ExaminedLimitReached: !full && more);
                }
            }
            if (list.Next is null)
            {
                return new ChangeListPage(rows, null, ExaminedLimitReached: false);
            }
            before = list.Next;
        }
    }

    private static List<ChangeRow> Rows(ChangeList list, DateTimeOffset now)
    {
        var histories = list.Applications.ToDictionary(
            a => a.Key,
            a => ApplicationHistory.Of(
                a.Value.Application.ToView(),
                [.. a.Value.History.Instances.Select(i => i.ToView())],
                [.. a.Value.History.Clusters.Select(c => c.ToView())]));
        return [.. list.Entries.Select(entry => Row(entry, histories.GetValueOrDefault(entry.Application), now))];
    }

    private static ChangeRow Row(ChangeEntry entry, ApplicationHistory? history, DateTimeOffset now)
    {
        var instance = entry.Instance.ToView();
        // The history is read in the same snapshot as the entry; an application without one cannot happen, but the
        // row still says what is known rather than failing the whole page.
        history ??= new ApplicationHistory([instance], [], null, null, null);
        var previous = history.Instances.Where(i => i.Sequence < instance.Sequence).MaxBy(i => i.Sequence);
        return new ChangeRow
        {
            Environment = entry.Application.Environment,
            Application = entry.Application.Name,
            Instance = new InstanceRef(instance.Uid, instance.Sequence),
            CreatedAt = instance.CreatedAt,
            Summary = entry.Summary ?? "not recorded",
            Kinds = entry.Kinds,
            ConfigurationKeys = entry.ConfigurationKeys,
            Outcome = InstanceOutcome.For(instance, history, now),
            Previous = previous is null ? null : new InstanceRef(previous.Uid, previous.Sequence),
            ChangedBy = entry.Instance.ChangedBy,
            ChangeOrigin = entry.Instance.ChangeOrigin,
            DiffType = SpecDiffTypeNames.OperatorName(entry.Instance.DiffType),
            DiffTypeDescription = entry.Instance.DiffType is null ? null : DiffTypeText.Describe(entry.Instance.DiffType),
        };
    }
}
