using Cmf.Core.Model;
using Cmf.Dashboard.Model;
using Microsoft.AspNetCore.Components;

namespace Cmf.Dashboard.Components.Pages;

/// <summary>A page of one application (<c>/environments/{env}/applications/{app}/...</c>): its route values, key and breadcrumbs.</summary>
public abstract class ApplicationRouteComponent : ComponentBase
{
    [Parameter]
    public string Environment { get; set; } = "";

    [Parameter]
    public string Application { get; set; } = "";

    protected ApplicationKey Key => new(Environment, Application);

    /// <summary>Applications / env / app / <paramref name="page"/>; without a page, the application is the page.</summary>
    protected IReadOnlyList<Breadcrumb> CrumbsTo(string? page = null) => page is null
        ? [Breadcrumb.ApplicationList, Breadcrumb.Environment(Environment), new Breadcrumb(Application)]
        : [Breadcrumb.ApplicationList, Breadcrumb.Environment(Environment), Breadcrumb.Application(Environment, Application), new Breadcrumb(page)];
}
