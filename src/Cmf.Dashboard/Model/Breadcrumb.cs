namespace Cmf.Dashboard.Model;

/// <summary>One step of the path to a page; <see cref="Href"/> is null for the page itself.</summary>
public sealed record Breadcrumb(string Label, string? Href = null)
{
    public static Breadcrumb ApplicationList { get; } = new("Applications", DashboardUrls.ApplicationsUrl());

    public static Breadcrumb Environment(string environment) =>
        new(environment, DashboardUrls.ApplicationsUrl(new ApplicationListFilter { Environment = environment }));

    public static Breadcrumb Application(string environment, string application) =>
        new(application, DashboardUrls.ApplicationUrl(environment, application));
}
