using Cmf.Core.Model;
using Cmf.Core.Specs;

namespace Cmf.Core.Storage.Views;

/// <summary>One instance in the changes list: its application, the instance, and what it changed against the instance before it.</summary>
public sealed record ChangeEntry
{
    public required ApplicationKey Application { get; init; }

    public required InstanceSummary Instance { get; init; }

    /// <summary>One line ("image flink:1.20.1 -> 1.20.2, parallelism 3 -> 4"); null for a row no pass has filled yet.</summary>
    public string? Summary { get; init; }

    public SpecChangeKinds Kinds { get; init; }

    /// <summary>The changed <c>flinkConfiguration</c> keys, lower-cased.</summary>
    public IReadOnlyList<string> ConfigurationKeys { get; init; } = [];

    public required ChangeCursor Position { get; init; }
}
