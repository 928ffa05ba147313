namespace Cmf.Dashboard.Api;

/// <summary>How a requirement of a <c>filter</c> tests its key.</summary>
public enum CmfFilterOperator
{
    /// <summary><c>key=value</c> (or <c>==</c>); for <c>name</c> the value is a pattern where <c>*</c> stands for any run of characters.</summary>
    Equal,

    /// <summary><c>key!=value</c>.</summary>
    NotEqual,

    /// <summary><c>key in (a, b)</c>.</summary>
    In,

    /// <summary><c>key notin (a, b)</c>.</summary>
    NotIn,

    /// <summary><c>labels.key</c> alone: the label is there.</summary>
    Exists,

    /// <summary><c>!labels.key</c>: the label is not there.</summary>
    DoesNotExist,
}

/// <summary>One comma-separated expression of a <c>filter</c>: a key, how it is tested and the values it is tested against.</summary>
public sealed record CmfFilterRequirement(string Key, CmfFilterOperator Operator, IReadOnlyList<string> Values)
{
    public const string LabelPrefix = "labels.";

    public bool IsLabel => Key.StartsWith(LabelPrefix, StringComparison.Ordinal);

    /// <summary>
    /// Whether the value (null: the item has none) passes, as a Kubernetes label selector decides: <c>!=</c> and
    /// <c>notin</c> pass an item without the value.
    /// </summary>
    public bool Holds(string? value, StringComparer comparer) => Operator switch
    {
        CmfFilterOperator.Equal => value is not null && comparer.Equals(value, Values[0]),
        CmfFilterOperator.NotEqual => value is null || !comparer.Equals(value, Values[0]),
        CmfFilterOperator.In => value is not null && Values.Contains(value, comparer),
        CmfFilterOperator.NotIn => value is null || !Values.Contains(value, comparer),
        CmfFilterOperator.Exists => value is not null,
        CmfFilterOperator.DoesNotExist => value is null,
        _ => throw new InvalidOperationException($"Unknown operator {Operator}."),
    };
}

/// <summary>
/// A parsed CMF <c>filter</c> (see <see cref="CmfFilterParser"/>): every requirement must hold. <see cref="None"/>
/// lets everything through.
/// </summary>
public sealed record CmfFilter(IReadOnlyList<CmfFilterRequirement> Requirements)
{
    public static CmfFilter None { get; } = new([]);

    public IEnumerable<CmfFilterRequirement> On(string key) => Requirements.Where(r => r.Key == key);

    /// <summary>
    /// Whether the label requirements hold for the items of this server, which carry no labels (it keeps none of the
    /// FlinkDeployments' labels): <c>!labels.x</c>, <c>!=</c> and <c>notin</c> pass, the rest pass nothing.
    /// </summary>
    public bool LabelsHoldWithoutLabels => Requirements.Where(r => r.IsLabel).All(r => r.Holds(null, StringComparer.Ordinal));
}
