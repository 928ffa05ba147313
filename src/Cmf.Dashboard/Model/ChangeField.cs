using Cmf.Core.Specs;

namespace Cmf.Dashboard.Model;

/// <summary>The changed-field filter of the changes list: its names in URLs and the API, and the kinds each selects.</summary>
public static class ChangeField
{
    public static IReadOnlyList<(SpecChangeKinds Kind, string Wire, string Label)> All { get; } =
    [
        (SpecChangeKinds.Image, "image", "Image"),
        (SpecChangeKinds.FlinkVersion, "flink-version", "Flink version"),
        (SpecChangeKinds.Parallelism, "parallelism", "Parallelism"),
        (SpecChangeKinds.Resources, "resources", "Resources"),
        (SpecChangeKinds.Configuration, "configuration", "Configuration"),
        (SpecChangeKinds.Other, "other", "Other"),
    ];

    public static SpecChangeKinds? Parse(string? wire) =>
        All.FirstOrDefault(f => string.Equals(f.Wire, wire?.Trim(), StringComparison.OrdinalIgnoreCase)) is { Wire: not null } found
            ? found.Kind
            : null;

    /// <summary>The wire names of the kinds set in <paramref name="kinds"/>, in the order above.</summary>
    public static IEnumerable<string> Wires(SpecChangeKinds kinds) => All.Where(f => kinds.HasFlag(f.Kind)).Select(f => f.Wire);

    public static IEnumerable<string> Labels(SpecChangeKinds kinds) => All.Where(f => kinds.HasFlag(f.Kind)).Select(f => f.Label);
}
