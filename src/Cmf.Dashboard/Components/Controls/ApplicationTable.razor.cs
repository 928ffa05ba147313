using Cmf.Dashboard.Model;
using Microsoft.AspNetCore.Components;

namespace Cmf.Dashboard.Components.Controls;

/// <summary>One page of the application list: states as chips, current and latest instance (a pending upgrade shows as a badge).</summary>
public partial class ApplicationTable
{
    [Parameter, EditorRequired]
    public required IReadOnlyList<ApplicationSummary> Applications { get; set; }

    /// <summary>The list's current view, so the sort links keep its filters.</summary>
    [Parameter, EditorRequired]
    public required ApplicationListFilter Filter { get; set; }

    private static string InstanceHref(ApplicationSummary application, InstanceRef instance) =>
        DashboardUrls.InstanceUrl(application.Environment, application.Name, instance.Uid);
}
