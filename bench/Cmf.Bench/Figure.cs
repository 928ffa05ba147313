namespace Cmf.Bench;

/// <summary>
/// One measured figure. <see cref="Baseline"/> is the comparison measured in the same run
/// (raw SQLite, kubectl, the small store); <see cref="Ratio"/> is Value / Baseline.
/// <see cref="Target"/> says in words what the issue asks; <see cref="Met"/> is null when there is no target.
/// </summary>
public sealed record Figure(
    string Part,
    string Name,
    double Value,
    string Unit,
    double? Baseline = null,
    string? BaselineName = null,
    string? Target = null,
    bool? Met = null,
    string? Note = null)
{
    public double? Ratio => Baseline is > 0 ? Value / Baseline.Value : null;
}
