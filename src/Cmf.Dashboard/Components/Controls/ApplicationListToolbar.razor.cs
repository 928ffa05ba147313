using Cmf.Core.Model;
using Cmf.Dashboard.Model;
using Microsoft.AspNetCore.Components;

namespace Cmf.Dashboard.Components.Controls;

/// <summary>Search, environment and job-state filters of the application list. It only reports changes; the page puts them in the URL.</summary>
public partial class ApplicationListToolbar
{
    private const string AllEnvironments = "";

    [Parameter, EditorRequired]
    public required ApplicationListFilter Filter { get; set; }

    [Parameter]
    public IReadOnlyList<string> Environments { get; set; } = [];

    [Parameter]
    public EventCallback<ApplicationListFilter> FilterChanged { get; set; }

    /// <summary>The search text, reported after the user pauses typing.</summary>
    [Parameter]
    public EventCallback<string?> SearchChanged { get; set; }

    private bool HasFilters => Filter.Environment is not null || Filter.JobStates.Count > 0 || Filter.Search is not null;

    /// <summary>An environment named in the URL stays selectable even before it has applications.</summary>
    private IEnumerable<string> EnvironmentChoices =>
        Filter.Environment is { } selected && !Environments.Contains(selected) ? [.. Environments, selected] : Environments;

    private Task SelectEnvironmentAsync(string environment) =>
        FilterChanged.InvokeAsync(Filter with { Environment = environment == AllEnvironments ? null : environment });

    private Task SelectJobStatesAsync(IEnumerable<JobState>? states) =>
        FilterChanged.InvokeAsync(Filter with { JobStates = [.. (states ?? []).Order()] });

    private Task ClearAsync() => FilterChanged.InvokeAsync(ApplicationListFilter.Default with { Sort = Filter.Sort, Descending = Filter.Descending });

    private static string JobStateText(JobState state) => FlinkStateNames.ToWire(state);

    private static string JobStatesText(IReadOnlyList<string> states) => states.Count == 0 ? "Any" : string.Join(", ", states);
}
