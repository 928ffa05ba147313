namespace Cmf.Bench;

/// <summary>
/// One measured figure. <see cref="Baseline"/> is the comparison measured in the same run
/// (the honest ingest baseline, kubectl, the small store); <see cref="Ratio"/> is Value / Baseline.
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

    /// <summary>
    /// The 1-minute load average when the figure was made, which is right after its measurement in every part (a part
    /// that measures long before it builds the figure sets it explicitly). Null in results written before it was kept.
    /// </summary>
    public double? LoadAverage { get; init; } = Bench.LoadAverage.OneMinute();

    /// <summary>When the figure was made (UTC); null in results written before it was kept.</summary>
    public DateTimeOffset? MeasuredAt { get; init; } = DateTimeOffset.UtcNow;
}
