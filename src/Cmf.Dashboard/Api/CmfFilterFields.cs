using System.Text.RegularExpressions;
using Cmf.Core.Model;

namespace Cmf.Dashboard.Api;

/// <summary>
/// What a list's <c>filter</c> may name, as CMF's OpenAPI describes it: <c>name=pattern</c> and <c>labels.&lt;key&gt;</c> on
/// every list, <c>state</c> on applications (the job state) and <c>type</c> on events, each with the operators and values
/// it takes. <see cref="Check"/> refuses anything else with a message that says what is allowed, and spells enum values
/// as the API writes them.
/// </summary>
public sealed partial class CmfFilterFields
{
    public const string Name = "name";
    public const string State = "state";
    public const string Type = "type";

    /// <summary>CMF's event types.</summary>
    public static IReadOnlyList<string> EventTypes { get; } = ["CMF_STATUS", "CLUSTER_STATUS", "JOB_STATUS"];

    private static readonly CmfFilterOperator[] Comparisons = [CmfFilterOperator.Equal, CmfFilterOperator.NotEqual, CmfFilterOperator.In, CmfFilterOperator.NotIn];

    private static readonly string[] JobStates = [.. Enum.GetValues<JobState>().Select(s => FlinkStateNames.ToWire(s))];

    public static CmfFilterFields Environments { get; } = new("environments", null, []);

    public static CmfFilterFields Applications { get; } = new("applications", State, JobStates);

    public static CmfFilterFields Events { get; } = new("events", Type, EventTypes);

    private readonly string _list;
    private readonly string? _enumKey;
    private readonly IReadOnlyList<string> _enumValues;

    private CmfFilterFields(string list, string? enumKey, IReadOnlyList<string> enumValues)
    {
        _list = list;
        _enumKey = enumKey;
        _enumValues = enumValues;
    }

    private string Keys => _enumKey is null ? "name, labels.<key>" : $"name, {_enumKey}, labels.<key>";

    /// <summary>The filter with its enum values spelled as the API writes them, or a 400 message.</summary>
    public string? Check(CmfFilter filter, out CmfFilter checkedFilter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        checkedFilter = filter;
        var requirements = new List<CmfFilterRequirement>(filter.Requirements.Count);
        foreach (var requirement in filter.Requirements)
        {
            var spelled = requirement;
            var problem = requirement switch
            {
                { IsLabel: true } => CheckLabel(requirement),
                { Key: Name } => CheckName(requirement),
                _ when requirement.Key == _enumKey => CheckEnum(requirement, out spelled),
                { Key: "phase" } => $"filter key 'phase' filters statements and compute pools, which this server does not serve; {_list} take {Keys}.",
                { Key: State or Type } => $"filter key '{requirement.Key}' filters {(requirement.Key == State ? "applications" : "events")} only; {_list} take {Keys}.",
                _ => $"filter key {ApiText.Quote(requirement.Key)} is not one {_list} take: {Keys}.",
            };
            if (problem is not null)
            {
                return problem;
            }
            requirements.Add(spelled);
        }
        checkedFilter = new CmfFilter(requirements);
        return null;
    }

    private string? CheckEnum(CmfFilterRequirement requirement, out CmfFilterRequirement spelled)
    {
        spelled = requirement;
        if (!Comparisons.Contains(requirement.Operator))
        {
            return $"filter key '{requirement.Key}' takes =, !=, in or notin with values from {string.Join(", ", _enumValues)}.";
        }
        var values = new List<string>(requirement.Values.Count);
        foreach (var value in requirement.Values)
        {
            var known = _enumValues.FirstOrDefault(v => v.Equals(value, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                return $"filter value {ApiText.Quote(value)} is not a {requirement.Key} {_list} have; use one of {string.Join(", ", _enumValues)}.";
            }
            values.Add(known);
        }
        spelled = requirement with { Values = values };
        return null;
    }

    private static string? CheckName(CmfFilterRequirement requirement)
    {
        if (requirement.Operator != CmfFilterOperator.Equal)
        {
            return "filter key 'name' takes '=' and a pattern where '*' stands for any characters, such as name=foo*bar.";
        }
        var pattern = requirement.Values[0];
        return pattern.Length <= 253 && NamePattern().IsMatch(pattern)
            ? null
            : $"filter name pattern {ApiText.Quote(pattern)} can match no name: names have at most 253 lowercase letters, digits, '-' and '.' ('*' for any of them).";
    }

    private static string? CheckLabel(CmfFilterRequirement requirement)
    {
        var key = requirement.Key[CmfFilterRequirement.LabelPrefix.Length..];
        if (!IsLabelKey(key))
        {
            return $"filter label key {ApiText.Quote(key)} is not a Kubernetes label key (an optional DNS prefix and '/', then at most 63 letters, digits, '-', '_' and '.').";
        }
        return requirement.Values.FirstOrDefault(v => v.Length > 63 || !LabelValue().IsMatch(v)) is { } bad
            ? $"filter label value {ApiText.Quote(bad)} is not a Kubernetes label value (at most 63 letters, digits, '-', '_' and '.', no '*')."
            : null;
    }

    private static bool IsLabelKey(string key)
    {
        var slash = key.LastIndexOf('/');
        var name = key[(slash + 1)..];
        var prefix = slash < 0 ? null : key[..slash];
        return name.Length is > 0 and <= 63 && LabelValue().IsMatch(name)
            && (prefix is null || (prefix.Length is > 0 and <= 253 && DnsSubdomain().IsMatch(prefix)));
    }

    [GeneratedRegex(@"^[a-z0-9.*-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex LabelValue();

    [GeneratedRegex(@"^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex DnsSubdomain();
}
