using Cmf.Core.Storage;
using Cmf.Core.Storage.Views;

namespace Cmf.Dashboard.Api;

/// <summary>
/// The read side of CMF's REST API (<c>../shared/reference/cmf-openapi.yaml</c>), from our store: environments,
/// applications, their instances (CMF names an instance by its UID) and events.
/// </summary>
public static class CmfApi
{
    public const string V1 = "/cmf/api/v1";
    public const string V1Alpha1 = "/cmf/api/v1alpha1";

    private static readonly string[] EnvironmentSorts = ["name"];
    private static readonly string[] ApplicationSorts = ["name", "updateTimestamp"];
    private static readonly string[] InstanceSorts = ["name", "creationTimestamp"];
    private static readonly string[] EventSorts = ["creationTimestamp"];

    public static IEndpointRouteBuilder MapCmfApi(this IEndpointRouteBuilder endpoints)
    {
        var v1 = endpoints.MapApiGroup(V1).ExcludeFromDescription();
        v1.MapRead("/environments", ListEnvironmentsAsync);
        v1.MapRead("/environments/{envName}", GetEnvironmentAsync);
        v1.MapRead("/environments/{envName}/applications", ListApplicationsAsync);
        v1.MapRead("/environments/{envName}/applications/{appName}", GetApplicationAsync);
        v1.MapRead("/environments/{envName}/applications/{appName}/instances", ListInstancesAsync);
        v1.MapRead("/environments/{envName}/applications/{appName}/instances/{instName}", GetInstanceAsync);
        var v1Alpha1 = endpoints.MapApiGroup(V1Alpha1).ExcludeFromDescription();
        v1Alpha1.MapRead("/environments/{envName}/applications/{appName}/events", ListEventsAsync);
        return endpoints;
    }

    private static async Task<IResult> ListEnvironmentsAsync(HttpRequest request, StoreQueries queries, CancellationToken cancellationToken)
    {
        if (PageRequest.TryParse(request.Query, EnvironmentSorts, out var page) is { } error)
        {
            return ApiResults.BadRequest(error);
        }
        var environments = await queries.ListEnvironmentsAsync(cancellationToken);
        var ordered = page.Sort is { Descending: true } ? environments.Reverse() : environments;
        var items = ordered.Skip(page.Page * page.Size).Take(page.Size).Select(CmfMapping.Environment).ToList();
        return ApiResults.Ok(CmfPage<CmfEnvironment>.Of(page, environments.Count, items));
    }

    private static async Task<IResult> GetEnvironmentAsync(string envName, StoreQueries queries, CancellationToken cancellationToken)
    {
        if (RouteValues.CheckEnvironment(envName) is { } error)
        {
            return ApiResults.BadRequest(error);
        }
        var environment = await FindEnvironmentAsync(queries, envName, cancellationToken);
        return environment is null ? EnvironmentNotFound(envName) : ApiResults.Ok(CmfMapping.Environment(environment));
    }

    private static async Task<IResult> ListApplicationsAsync(string envName, HttpRequest request, StoreQueries queries, CancellationToken cancellationToken)
    {
        var pageError = PageRequest.TryParse(request.Query, ApplicationSorts, out var page);
        if ((RouteValues.CheckEnvironment(envName) ?? pageError) is { } error)
        {
            return ApiResults.BadRequest(error);
        }
        if (await FindEnvironmentAsync(queries, envName, cancellationToken) is null)
        {
            return EnvironmentNotFound(envName);
        }
        var query = new ApplicationListQuery
        {
            Environment = envName,
            Sort = page.Sort?.Property == "updateTimestamp" ? ApplicationSort.LastChange : ApplicationSort.Name,
            Descending = page.Sort?.Descending ?? false,
            Page = page.Page,
            PageSize = page.Size,
        };
        var applications = await queries.ListApplicationsAsync(query, cancellationToken);
        var specs = await queries.ListInstanceSpecsAsync(
            [.. applications.Items.Select(a => a.LatestInstance?.Uid).OfType<string>()], cancellationToken);
        var items = applications.Items
            .Select(a => CmfMapping.Application(a, a.LatestInstance is { } latest ? specs.GetValueOrDefault(latest.Uid)?.EffectiveSpecJson : null))
            .ToList();
        return ApiResults.Ok(CmfPage<CmfApplication>.Of(page, applications.TotalCount, items));
    }

    private static async Task<IResult> GetApplicationAsync(string envName, string appName, StoreQueries queries, CancellationToken cancellationToken)
    {
        if (RouteValues.CheckApplication(envName, appName, out var key) is { } error)
        {
            return ApiResults.BadRequest(error);
        }
        var application = await queries.GetApplicationAsync(key, cancellationToken);
        if (application is null)
        {
            return ApiResults.ApplicationNotFound(envName, appName);
        }
        var latest = application.Summary.LatestInstance?.Uid;
        var specs = latest is null ? null : await queries.ListInstanceSpecsAsync([latest], cancellationToken);
        return ApiResults.Ok(CmfMapping.Application(application, latest is null ? null : specs?.GetValueOrDefault(latest)?.EffectiveSpecJson));
    }

    private static async Task<IResult> ListInstancesAsync(string envName, string appName, HttpRequest request, StoreQueries queries, CancellationToken cancellationToken)
    {
        var pageError = PageRequest.TryParse(request.Query, InstanceSorts, out var page);
        if ((RouteValues.CheckApplication(envName, appName, out var key) ?? pageError) is { } error)
        {
            return ApiResults.BadRequest(error);
        }
        var query = new InstanceListQuery
        {
            Sort = page.Sort?.Property == "name" ? InstanceSort.Uid : InstanceSort.CreatedAt,
            Descending = page.Sort?.Descending ?? false,
            Page = page.Page,
            PageSize = page.Size,
        };
        var instances = await queries.ListInstancesAsync(key, query, cancellationToken);
        if (instances is null)
        {
            return ApiResults.ApplicationNotFound(envName, appName);
        }
        var specs = await queries.ListInstanceSpecsAsync([.. instances.Items.Select(i => i.Uid)], cancellationToken);
        var items = instances.Items.Select(i => CmfMapping.Instance(i, specs.GetValueOrDefault(i.Uid)?.EffectiveSpecJson)).ToList();
        return ApiResults.Ok(CmfPage<CmfInstance>.Of(page, instances.TotalCount, items));
    }

    private static async Task<IResult> GetInstanceAsync(string envName, string appName, string instName, StoreQueries queries, CancellationToken cancellationToken)
    {
        if ((RouteValues.CheckApplication(envName, appName, out var key) ?? RouteValues.CheckInstanceUid(instName, "Instance name")) is { } error)
        {
            return ApiResults.BadRequest(error);
        }
        var instance = await queries.GetInstanceAsync(key, instName, cancellationToken);
        return instance is null
            ? ApiResults.NotFound($"Instance {ApiText.Quote(instName)} of application '{envName}/{appName}' was not found.")
            : ApiResults.Ok(CmfMapping.Instance(instance.Instance, instance.EffectiveSpecJson));
    }

    private static async Task<IResult> ListEventsAsync(string envName, string appName, HttpRequest request, StoreQueries queries, CancellationToken cancellationToken)
    {
        var pageError = PageRequest.TryParse(request.Query, EventSorts, out var page);
        if ((RouteValues.CheckApplication(envName, appName, out var key) ?? pageError) is { } error)
        {
            return ApiResults.BadRequest(error);
        }
        var oldestFirst = page.Sort is { Descending: false };
        var events = await queries.ListEventsAsync(key, page.Page, page.Size, oldestFirst, cancellationToken);
        if (events is null)
        {
            return ApiResults.ApplicationNotFound(envName, appName);
        }
        return ApiResults.Ok(CmfPage<CmfEvent>.Of(page, events.TotalCount, [.. events.Items.Select(CmfMapping.Event)]));
    }

    private static async Task<EnvironmentSummary?> FindEnvironmentAsync(StoreQueries queries, string name, CancellationToken cancellationToken) =>
        (await queries.ListEnvironmentsAsync(cancellationToken)).FirstOrDefault(e => e.Name == name);

    private static IResult EnvironmentNotFound(string name) => ApiResults.NotFound($"Environment '{name}' was not found.");
}
