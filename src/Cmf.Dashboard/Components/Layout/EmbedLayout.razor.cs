using Cmf.Dashboard.Model;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Cmf.Dashboard.Components.Layout;

/// <summary>
/// The chrome for a portal's frame (<c>?embed=1</c>): no app bar, no navigation, no link out; the page
/// alone, in the theme the person last chose (or the system's).
/// </summary>
public partial class EmbedLayout
{
    private ErrorBoundary? _errorBoundary;
    private bool _isDarkMode;

    [Inject]
    private ThemePreferenceStore ThemePreference { get; set; } = default!;

    protected override void OnParametersSet() => _errorBoundary?.Recover();

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
}
