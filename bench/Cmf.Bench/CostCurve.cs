using System.Globalization;

namespace Cmf.Bench;

/// <summary>
/// How a cost grows with size: between two consecutive sizes, the growth factor is (time at the larger size / time at
/// the smaller) / (work at the larger / work at the smaller). 1.0 is linear; 2.0 means each unit of work cost twice as
/// much at the larger size; below 1.0, fixed costs (process start, JIT) were spread over more work.
/// </summary>
public static class CostCurve
{
    /// <summary>One size's time, the work it did (FlinkDeployments, events) and the load average when it was measured.</summary>
    public sealed record Point(int Size, double Seconds, double Work, double? LoadAverage = null);

    public static double GrowthFactor(Point smaller, Point larger) =>
        larger.Seconds / smaller.Seconds / (larger.Work / smaller.Work);

    /// <summary>One figure per pair of consecutive sizes; <paramref name="work"/> names the unit (e.g. "FlinkDeployments").</summary>
    /// <remarks>A growth figure carries the higher load average of its two points: the busier of the two measurements.</remarks>
    public static IEnumerable<Figure> Growth(string part, string what, string work, IReadOnlyList<Point> points)
    {
        var ordered = points.OrderBy(p => p.Size).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            var (a, b) = (ordered[i - 1], ordered[i]);
            var figure = new Figure(part, $"growth factor of {what}, {Label(a.Size)} -> {Label(b.Size)}", GrowthFactor(a, b), "x linear",
                Target: "1.0 = linear",
                Note: string.Create(CultureInfo.InvariantCulture,
                    $"{a.Seconds:0.00} s -> {b.Seconds:0.00} s = x{b.Seconds / a.Seconds:0.00} for x{b.Work / a.Work:0.00} the {work}"));
            yield return a.LoadAverage is null && b.LoadAverage is null
                ? figure
                : figure with { LoadAverage = Math.Max(a.LoadAverage ?? 0, b.LoadAverage ?? 0) };
        }
    }

    /// <summary>1000 -> "1k", 50000 -> "50k", 2500 -> "2,500".</summary>
    public static string Label(int size) =>
        size % 1_000 == 0 ? $"{size / 1_000}k" : size.ToString("N0", CultureInfo.InvariantCulture);
}
