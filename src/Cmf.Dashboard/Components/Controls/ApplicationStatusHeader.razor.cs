using Cmf.Core.Storage.Views;
using Cmf.Dashboard.Model;
using Microsoft.AspNetCore.Components;

namespace Cmf.Dashboard.Components.Controls;

/// <summary>An application's name, where it runs, its live states, its current and latest instance (pending or current) and its error.</summary>
public partial class ApplicationStatusHeader
{
    [CascadingParameter]
    private EmbedMode? Embed { get; set; }

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Parameter, EditorRequired]
    public required ApplicationSummary Application { get; set; }

    private string InstanceHref(InstanceReference instance) =>
        DashboardUrls.InstanceUrl(Application.Key.Environment, Application.Key.Name, instance.Uid, Embed?.IsEmbedded ?? false);
}
