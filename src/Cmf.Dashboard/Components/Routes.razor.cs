using Cmf.Dashboard.Components.Layout;
using Cmf.Dashboard.Model;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;

namespace Cmf.Dashboard.Components;

/// <summary>
/// Reads <c>embed=1</c> from the address on every navigation, picks <see cref="EmbedLayout"/> or
/// <see cref="MainLayout"/>, and cascades the <see cref="EmbedMode"/> so every control that renders a link honours it.
/// </summary>
public partial class Routes : IDisposable
{
    private EmbedMode _embedMode = EmbedMode.Standalone;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    private Type LayoutType => _embedMode.IsEmbedded ? typeof(EmbedLayout) : typeof(MainLayout);

    protected override void OnInitialized()
    {
        _embedMode = EmbedMode.FromUrl(Navigation.Uri);
        Navigation.LocationChanged += OnLocationChanged;
    }

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        var mode = EmbedMode.FromUrl(e.Location);
        if (mode != _embedMode)
        {
            _embedMode = mode;
            _ = InvokeAsync(StateHasChanged);
        }
    }

    public void Dispose() => Navigation.LocationChanged -= OnLocationChanged;
}
