using Cmf.Core.Model;
using Cmf.Core.Specs;
using Cmf.Core.Tracking;

namespace Cmf.Core.Storage.Views;

/// <summary>One instance in the changes list: its application, the instance, and what it changed against the instance before it.</summary>
public sealed record ChangeEntry
{
    public required ApplicationKey Application { get; init; }

    public required InstanceState Instance { get; init; }

    /// <summary>One line ("image flink:1.20.1 -> 1.20.2, parallelism 3 -> 4"); null for a row no pass has filled yet.</summary>
    public string? Summary { get; init; }

    public SpecChangeKinds Kinds { get; init; }

    /// <summary>The changed <c>flinkConfiguration</c> keys, lower-cased.</summary>
    public IReadOnlyList<string> ConfigurationKeys { get; init; } = [];

    public required ChangeCursor Position { get; init; }

    /// <summary>The kept instance before it, the other side of its diff; null for the first (or when older ones were pruned).</summary>
    public InstanceReference? Previous { get; init; }

    /// <summary>The instance the application's live cluster runs now, which the wording of a revert names.</summary>
    public string? CurrentInstanceUid { get; init; }

    /// <summary>The error the application's operator keeps reporting, which a blocked upgrade's wording quotes.</summary>
    public ErrorEpisode? ErrorEpisode { get; init; }
}
