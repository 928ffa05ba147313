using Cmf.Core.Model;

namespace Cmf.Core.Storage.Views;

/// <summary>The columns the application list sorts by.</summary>
public enum ApplicationSort
{
    Name,
    Environment,
    JobState,
    LastChange,
    InstanceCount,
}

/// <summary>Filter, sort and page of the application list; <see cref="Page"/> counts from 0.</summary>
public sealed record ApplicationListQuery
{
    public string? Environment { get; init; }

    /// <summary>Applications in any of these job states; empty for all.</summary>
    public IReadOnlyList<JobState> JobStates { get; init; } = [];

    /// <summary>Case-insensitive substring of the name, namespace or environment.</summary>
    public string? Text { get; init; }

    public ApplicationSort Sort { get; init; } = ApplicationSort.Name;

    public bool Descending { get; init; }

    public int Page { get; init; }

    public int PageSize { get; init; } = 50;
}
