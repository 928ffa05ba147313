using Cmf.Core.Model;

namespace Cmf.Core.Feed;

/// <summary>Which changes a subscriber wants; a subscriber is not woken for anything else.</summary>
public sealed record ChangeFilter
{
    public static ChangeFilter Everything { get; } = new();

    /// <summary>Only changes of this application (its status, instances, clusters and events).</summary>
    public ApplicationKey? Application { get; init; }

    public static ChangeFilter ForApplication(ApplicationKey application) => new() { Application = application };

    internal bool Matches(ChangeSet changes) =>
        Application is not { } application || changes.Applications.Contains(application);
}
