using Cmf.Core.Storage.Views;
namespace Cmf.Dashboard.Model;

/// <summary>How the application list's sort column is spelled in its URL.</summary>
public static class ApplicationSortNames
{
    private static readonly (ApplicationSort Sort, string Wire)[] Names =
    [
        (ApplicationSort.Name, "name"),
        (ApplicationSort.Environment, "environment"),
        (ApplicationSort.JobState, "job-state"),
        (ApplicationSort.LastChange, "last-change"),
        (ApplicationSort.InstanceCount, "instances"),
    ];

    public static string ToWire(ApplicationSort sort) => Names.First(s => s.Sort == sort).Wire;

    /// <summary>The sort a URL names; anything else sorts by name.</summary>
    public static ApplicationSort Parse(string? wire) =>
        Names.FirstOrDefault(s => s.Wire == wire?.ToLowerInvariant()).Sort;
}
