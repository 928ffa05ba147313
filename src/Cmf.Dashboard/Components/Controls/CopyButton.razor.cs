using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Cmf.Dashboard.Components.Controls;

/// <summary>Copies a value (a UID, a log filter, a spec) to the clipboard through <c>wwwroot/js/clipboard.js</c>.</summary>
public partial class CopyButton
{
    public const string ModulePath = "./js/clipboard.js";

    private IJSObjectReference? _module;
    private bool _copied;
    private bool _failed;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Parameter, EditorRequired]
    public required string Value { get; set; }

    /// <summary>What is copied, for the accessible name: "Copy UID".</summary>
    [Parameter]
    public string Label { get; set; } = "value";

    private async Task CopyAsync()
    {
        try
        {
            _module ??= await JS.InvokeAsync<IJSObjectReference>("import", ModulePath);
            _copied = await _module.InvokeAsync<bool>("copyText", Value);
        }
        catch (JSException)
        {
            _copied = false;
        }
        _failed = !_copied;
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
}
