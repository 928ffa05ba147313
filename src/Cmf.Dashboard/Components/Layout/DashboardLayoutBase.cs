using Cmf.Dashboard.Model;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Cmf.Dashboard.Components.Layout;

/// <summary>
/// What both layouts share: the light/dark theme the page wears (chosen in the browser before the first paint from the
/// remembered or system preference, see <see cref="ThemeStylesheet"/>) for the toggle, and a page error boundary that
/// gets a fresh chance on every navigation.
/// </summary>
public abstract class DashboardLayoutBase : LayoutComponentBase
{
    [Inject]
    private ThemePreferenceStore ThemePreference { get; set; } = default!;

    protected ErrorBoundary? PageErrors { get; set; }

    protected bool IsDarkMode { get; private set; }

    protected override void OnParametersSet() => PageErrors?.Recover();

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            IsDarkMode = await ThemePreference.PrefersDarkAsync();
            if (IsDarkMode)
            {
                StateHasChanged();
            }
        }
    }

    protected async Task SetDarkModeAsync(bool dark)
    {
        IsDarkMode = dark;
        await ThemePreference.RememberAsync(dark);
    }
}
