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

    /// <summary>Applications in none of these job states (one without a job state is in none).</summary>
    public IReadOnlyList<JobState> ExcludedJobStates { get; init; } = [];

    /// <summary>
    /// Applications whose name matches every one of these patterns: <c>*</c> stands for any run of characters, every
    /// other character for itself. Names are lowercase DNS labels, so both engines' LIKE agree on them.
    /// </summary>
    public IReadOnlyList<string> NamePatterns { get; init; } = [];

    /// <summary>Case-insensitive substring of the name, namespace or environment.</summary>
    public string? Text { get; init; }

    public ApplicationSort Sort { get; init; } = ApplicationSort.Name;

    public bool Descending { get; init; }

    public int Page { get; init; }

    public int PageSize { get; init; } = 50;
}
