using Microsoft.JSInterop;

namespace Cmf.Dashboard.Model;

/// <summary>
/// Per-circuit access to the light/dark preference kept in the browser (<c>wwwroot/js/theme.js</c>):
/// the last choice, else the system's preference.
/// </summary>
public sealed class ThemePreferenceStore(IJSRuntime js) : IAsyncDisposable
{
    public const string ModulePath = "./js/theme.js";

    private IJSObjectReference? _module;

    public async Task<bool> PrefersDarkAsync()
    {
        try
        {
            return await (await ModuleAsync()).InvokeAsync<bool>("prefersDark");
        }
        catch (JSDisconnectedException)
        {
            return false;
        }
    }

    public async Task RememberAsync(bool dark)
    {
        try
        {
            await (await ModuleAsync()).InvokeVoidAsync("remember", dark ? "dark" : "light");
        }
        catch (JSDisconnectedException)
        {
            // The tab is gone; there is nobody to remember it for.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_module is not null)
        {
            try
            {
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone, and the module with it.
            }
        }
    }

    private async Task<IJSObjectReference> ModuleAsync() =>
        _module ??= await js.InvokeAsync<IJSObjectReference>("import", ModulePath);
}
