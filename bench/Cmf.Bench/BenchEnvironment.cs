using System.Globalization;

namespace Cmf.Bench;

/// <summary>The bench's environment switches (for profiling and diagnosis, never needed for the reported figures).</summary>
internal static class BenchEnvironment
{
    /// <summary>The variable as a whole number within [<paramref name="min"/>, <paramref name="max"/>]; null when unset or out of range.</summary>
    public static int? Int(string name, int min, int max) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : null;
}
