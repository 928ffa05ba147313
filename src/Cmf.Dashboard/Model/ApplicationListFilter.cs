using Cmf.Core.Storage.Views;
using Cmf.Core.Model;

namespace Cmf.Dashboard.Model;

/// <summary>How the application list is filtered, sorted and paged; kept in the query string so a link reproduces the view.</summary>
public sealed record ApplicationListFilter
{
    public const int MaxSearchLength = 200;

    public static ApplicationListFilter Default { get; } = new();

    public string? Environment { get; init; }

    /// <summary>Show only applications in one of these job states; empty shows all.</summary>
    public IReadOnlyList<JobState> JobStates { get; init; } = [];

    public string? Search { get; init; }

    public ApplicationSort Sort { get; init; } = ApplicationSort.Name;

    public bool Descending { get; init; }

    /// <summary>1-based.</summary>
    public int Page { get; init; } = 1;

    public bool Equals(ApplicationListFilter? other) =>
        other is not null
        && Environment == other.Environment
        && JobStates.SequenceEqual(other.JobStates)
        && Search == other.Search
        && Sort == other.Sort
        && Descending == other.Descending
        && Page == other.Page;

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Environment);
        foreach (var state in JobStates)
        {
            hash.Add(state);
        }
        hash.Add(Search);
        hash.Add(Sort);
        hash.Add(Descending);
        hash.Add(Page);
        return hash.ToHashCode();
    }
}
