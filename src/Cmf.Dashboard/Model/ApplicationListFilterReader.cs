using System.Globalization;
using Cmf.Core.Model;

namespace Cmf.Dashboard.Model;

/// <summary>The application list's view from its query parameters; values that do not parse are left out.</summary>
public static class ApplicationListFilterReader
{
    public static ApplicationListFilter Read(string? environment, IEnumerable<string>? states, string? search, string? sort, string? descending, string? page)
    {
        var jobStates = (states ?? [])
            .SelectMany(value => (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(wire => (Wire: wire, State: FlinkStateNames.ParseJobState(wire)))
            .Where(p => p.State is { } s && (s != JobState.Unknown || string.Equals(p.Wire, "UNKNOWN", StringComparison.OrdinalIgnoreCase)))
            .Select(p => p.State!.Value)
            .Distinct()
            .ToArray();
        search = search?.Trim();
        if (search?.Length > ApplicationListFilter.MaxSearchLength)
        {
            search = search[..ApplicationListFilter.MaxSearchLength];
        }
        return new ApplicationListFilter
        {
            Environment = string.IsNullOrEmpty(environment) ? null : environment,
            JobStates = jobStates,
            Search = string.IsNullOrEmpty(search) ? null : search,
            Sort = ApplicationSortNames.Parse(sort),
            Descending = QueryFlag.IsSet(descending),
            Page = int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 ? number : 1,
        };
    }
}
