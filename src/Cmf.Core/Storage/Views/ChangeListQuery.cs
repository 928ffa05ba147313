using Cmf.Core.Specs;
using Cmf.Core.Tracking;

namespace Cmf.Core.Storage.Views;

/// <summary>
/// Which instances the fleet-wide changes list reads: created in [<see cref="From"/>, <see cref="To"/>), newest first,
/// optionally of one environment and/or application name, with a change of any of <see cref="Kinds"/> and/or of one
/// <c>flinkConfiguration</c> key, with one of <see cref="Outcomes"/>; after <see cref="Before"/> when continuing a previous page.
/// </summary>
public sealed record ChangeListQuery
{
    public required DateTimeOffset From { get; init; }

    public required DateTimeOffset To { get; init; }

    public string? Environment { get; init; }

    /// <summary>An application name; with <see cref="Environment"/> one application, without it that name in every environment.</summary>
    public string? Application { get; init; }

    /// <summary>Instances whose change has any of these kinds; <see cref="SpecChangeKinds.None"/> does not filter.</summary>
    public SpecChangeKinds Kinds { get; init; }

    /// <summary>Instances that changed this configuration key (compared lower-cased).</summary>
    public string? ConfigurationKey { get; init; }

    /// <summary>Instances whose stored outcome is any of these; empty does not filter.</summary>
    public IReadOnlyCollection<InstanceOutcomeKind> Outcomes { get; init; } = [];

    /// <summary>Continue after this position (exclusive): the <see cref="ChangeList.Next"/> of the page before.</summary>
    public ChangeCursor? Before { get; init; }

    /// <summary>Rows to read, 1..<see cref="StoreQueries.MaxPageSize"/>.</summary>
    public int Limit { get; init; } = 50;
}
