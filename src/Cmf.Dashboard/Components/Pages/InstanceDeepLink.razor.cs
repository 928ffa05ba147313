using Cmf.Core.Storage;
using Cmf.Dashboard.Model;
using Microsoft.AspNetCore.Components;
using Cmf.Core.Storage.Views;

namespace Cmf.Dashboard.Components.Pages;

/// <summary>
/// The deep link for alerts that know only the UID. A retained instance redirects to its page (during prerendering the
/// redirect is the HTTP response itself); a pruned one answers 410 and an unknown one 404, each with a page that says so.
/// </summary>
public partial class InstanceDeepLink
{
    private InstanceLookup? _lookup;

    [Parameter]
    public string Uid { get; set; } = "";

    [CascadingParameter]
    private EmbedMode? Embed { get; set; }

    [Inject]
    private StoreQueries Queries { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        var lookup = await Queries.FindInstanceAsync(Uid, CancellationToken.None);
        if (lookup is InstanceLookup.Found found)
        {
            var url = DashboardUrls.InstanceUrl(found.Application.Environment, found.Application.Name, found.Uid, Embed?.IsEmbedded ?? false);
            Navigation.NavigateTo(url, replace: true);
            return;
        }
        _lookup = lookup;
    }
}
