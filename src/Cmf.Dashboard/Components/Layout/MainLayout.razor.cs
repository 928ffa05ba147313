using Cmf.Dashboard.Model;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Cmf.Dashboard.Components.Layout;

/// <summary>The standalone chrome: app bar with navigation and theme toggle, simulator banner, page error boundary.</summary>
public partial class MainLayout
{
    private ErrorBoundary? _errorBoundary;
    private bool _isDarkMode;

    [Inject]
    private ThemePreferenceStore ThemePreference { get; set; } = default!;

    protected override void OnParametersSet()
    {
        // A new page gets a fresh chance after the previous one failed.
        _errorBoundary?.Recover();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _isDarkMode = await ThemePreference.PrefersDarkAsync();
            if (_isDarkMode)
            {
                StateHasChanged();
            }
        }
    }

    private async Task SetDarkModeAsync(bool dark)
    {
        _isDarkMode = dark;
        await ThemePreference.RememberAsync(dark);
    }
}
