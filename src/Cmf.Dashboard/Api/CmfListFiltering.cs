using Cmf.Core.Model;
using Cmf.Core.Specs;
using Cmf.Core.Storage.Views;

namespace Cmf.Dashboard.Api;

/// <summary>
/// A checked <see cref="CmfFilter"/> and <see cref="CmfSearch"/> put to work on each list. Applications are filtered in
/// SQL (name, job state: indexed columns of the one table the list reads); events by type in SQL and by name and search
/// while the application's events are read (a search looks at the message as it is shown, secrets masked, never at
/// what is stored); environments, which are few and read whole, in memory. A filter that can match nothing gives null,
/// and the list answers an empty page without asking the store.
/// </summary>
public static class CmfListFiltering
{
    public static ApplicationListQuery? Applications(CmfFilter filter, ApplicationListQuery query)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(query);
        if (!filter.LabelsHoldWithoutLabels || !TryReduce(filter.On(CmfFilterFields.State), out var allowed, out var excluded))
        {
            return null;
        }
        return query with
        {
            NamePatterns = [.. filter.On(CmfFilterFields.Name).Select(r => r.Values[0])],
            JobStates = allowed is null ? [] : [.. allowed.Select(ParseJobState)],
            ExcludedJobStates = allowed is null ? [.. excluded.Select(ParseJobState)] : [],
        };
    }

    public static EventListQuery? Events(CmfFilter filter, CmfSearch? search, EventListQuery query)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(query);
        if (!filter.LabelsHoldWithoutLabels || !TryReduce(filter.On(CmfFilterFields.Type), out var allowed, out var excluded))
        {
            return null;
        }
        var names = filter.On(CmfFilterFields.Name).Select(r => r.Values[0]).ToList();
        return query with
        {
            Types = allowed ?? [],
            ExcludedTypes = allowed is null ? excluded : [],
            Matches = names.Count == 0 && search is null ? null : e => Matches(names, search, e),
        };
    }

    public static bool Matches(CmfFilter filter, CmfSearch? search, EnvironmentSummary environment)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(environment);
        return filter.LabelsHoldWithoutLabels
            && filter.On(CmfFilterFields.Name).All(r => CmfNamePattern.Matches(r.Values[0], environment.Name))
            && (search is null
                || (search.Covers(CmfList.NameField) && search.Finds(environment.Name))
                || (search.Covers(CmfList.NamespaceField) && search.Finds(environment.Namespace)));
    }

    private static bool Matches(IReadOnlyList<string> namePatterns, CmfSearch? search, EventView e)
    {
        var name = CmfMapping.EventName(e);
        return namePatterns.All(p => CmfNamePattern.Matches(p, name))
            && (search is null
                || (search.Covers(CmfList.MessageField) && search.Finds(SecretMasker.Display(e.Message)))
                || (search.Covers(CmfList.InstanceField) && search.Finds(e.InstanceUid, exact: true)));
    }

    /// <summary>
    /// The requirements on one enum key as the values allowed (null: any, and none) and excluded; false when no value
    /// can pass (<c>state=RUNNING,state=FAILED</c>).
    /// </summary>
    private static bool TryReduce(IEnumerable<CmfFilterRequirement> requirements, out IReadOnlyList<string>? allowed, out IReadOnlyList<string> excluded)
    {
        HashSet<string>? allowedSet = null;
        var excludedSet = new HashSet<string>(StringComparer.Ordinal);
        foreach (var requirement in requirements)
        {
            if (requirement.Operator is CmfFilterOperator.Equal or CmfFilterOperator.In)
            {
                allowedSet ??= new HashSet<string>(requirement.Values, StringComparer.Ordinal);
                allowedSet.IntersectWith(requirement.Values);
            }
            else
            {
                excludedSet.UnionWith(requirement.Values);
            }
        }
        allowedSet?.ExceptWith(excludedSet);
        allowed = allowedSet is null ? null : [.. allowedSet.Order(StringComparer.Ordinal)];
        excluded = [.. excludedSet.Order(StringComparer.Ordinal)];
        return allowedSet is not { Count: 0 };
    }

    private static JobState ParseJobState(string wire) =>
        FlinkStateNames.ParseJobState(wire) ?? throw new InvalidOperationException($"{wire} passed the filter check but is no job state.");
}
