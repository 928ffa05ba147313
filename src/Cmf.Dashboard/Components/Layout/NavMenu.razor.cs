using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;

namespace Cmf.Dashboard.Components.Layout;

/// <summary>
/// The three sections. An application's pages live under <c>/environments/{env}/applications/...</c> but are reached from
/// the application list, so they mark Applications, not Environments, as where the operator is.
/// </summary>
public partial class NavMenu
{
    private NavSection _section;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    protected override void OnInitialized()
    {
        _section = SectionOf(Navigation.Uri);
        Navigation.LocationChanged += OnLocationChanged;
    }

    public void Dispose() => Navigation.LocationChanged -= OnLocationChanged;

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        var section = SectionOf(e.Location);
        if (section != _section)
        {
            _section = section;
            _ = InvokeAsync(StateHasChanged);
        }
    }

    private NavSection SectionOf(string uri)
    {
        var path = "/" + Navigation.ToBaseRelativePath(uri).Split('?', '#')[0].TrimEnd('/');
        if (path == DashboardUrls.EnvironmentsPath)
        {
            return NavSection.Environments;
        }
        if (path == DashboardUrls.ChangesPath)
        {
            return NavSection.Changes;
        }
        return path == "/" || path.StartsWith(DashboardUrls.ApplicationsPath, StringComparison.Ordinal)
            || path.StartsWith(DashboardUrls.EnvironmentsPath + "/", StringComparison.Ordinal)
            || path.StartsWith(DashboardUrls.InstancesPath + "/", StringComparison.Ordinal)
            ? NavSection.Applications
            : NavSection.None;
    }

    private enum NavSection
    {
        None,
        Applications,
        Environments,
        Changes,
    }
}
