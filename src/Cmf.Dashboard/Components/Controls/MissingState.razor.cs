using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using MudBlazor;

namespace Cmf.Dashboard.Components.Controls;

/// <summary>
/// What a page shows when what its address names is not there: unknown (404) or pruned by retention (410).
/// Alerts and portals act on the status code, so the first HTTP response carries it: while the page is prerendered the
/// request's <see cref="HttpContext"/> is cascaded, and the status is set just as the response starts. Set any
/// earlier, a 404 makes Blazor drop this page's body for the app's generic re-executed <c>/not-found</c>.
/// </summary>
public partial class MissingState
{
    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

    /// <summary><see cref="StatusCodes.Status404NotFound"/> or <see cref="StatusCodes.Status410Gone"/>.</summary>
    [Parameter]
    public int StatusCode { get; set; } = StatusCodes.Status404NotFound;

    [Parameter, EditorRequired]
    public required string Title { get; set; }

    /// <summary>What was asked for and what to do instead.</summary>
    [Parameter]
    public RenderFragment? ChildContent { get; set; }

    private string Icon => StatusCode == StatusCodes.Status410Gone ? Icons.Material.Outlined.AutoDelete : Icons.Material.Outlined.SearchOff;

    protected override void OnParametersSet()
    {
        if (HttpContext is { Response.HasStarted: false } context)
        {
            var status = StatusCode;
            context.Response.OnStarting(() =>
            {
                context.Response.StatusCode = status;
                return Task.CompletedTask;
            });
        }
    }
}
