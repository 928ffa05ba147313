using Cmf.Core.Storage;
using Cmf.Core.Storage.Views;

namespace Cmf.Dashboard.Api;

/// <summary>
/// The read side of CMF's REST API (<c>../shared/reference/cmf-openapi.yaml</c>), from our store: environments,
/// applications, their instances (CMF names an instance by its UID) and events. Lists take CMF's <c>fields</c>, and
/// <c>filter</c> and <c>search</c> where CMF offers them (<see cref="CmfList"/>, <see cref="CmfListFiltering"/>), and are
/// capped in bytes (<see cref="PageBudget"/>): a list reads only the specs its page can afford, and none that
/// <c>fields</c> leaves out.
/// </summary>
public static class CmfApi
{
    public const string V1 = "/cmf/api/v1";
    public const string V1Alpha1 = "/cmf/api/v1alpha1";

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
        if (CmfListQuery.TryRead(request.Query, CmfList.Environments, out var list) is { } error)
        {
            return ApiResults.BadRequest(error);
        }
        var (page, fields) = (list.Page, list.Fields);
        var environments = (await queries.ListEnvironmentsAsync(cancellationToken))
            .Where(e => CmfListFiltering.Matches(list.Filter, list.Search, e))
            .ToList();
        var ordered = page.Sort is { Descending: true } ? environments.AsEnumerable().Reverse() : environments;
        var items = ordered.Skip(page.Page * page.Size).Take(page.Size).Select(CmfMapping.Environment).ToList();
        return BudgetedPage(request, page, environments.Count, items.Count, items, fields);
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
        var queryError = CmfListQuery.TryRead(request.Query, CmfList.Applications, out var list);
        if ((RouteValues.CheckEnvironment(envName) ?? queryError) is { } error)
        {
            return ApiResults.BadRequest(error);
        }
        if (await FindEnvironmentAsync(queries, envName, cancellationToken) is null)
        {
            return EnvironmentNotFound(envName);
        }
        var (page, fields) = (list.Page, list.Fields);
        var query = CmfListFiltering.Applications(list.Filter, new ApplicationListQuery
        {
            Environment = envName,
            Sort = page.Sort?.Property == "updateTimestamp" ? ApplicationSort.LastChange : ApplicationSort.Name,
            Descending = page.Sort?.Descending ?? false,
            Page = page.Page,
            PageSize = page.Size,
        });
        if (query is null)
        {
            return BudgetedPage<CmfApplication>(request, page, 0, 0, [], fields);
        }
        var applications = await queries.ListApplicationsAsync(query, cancellationToken);
        var (affordable, specs) = await ReadAffordableSpecsAsync(
            queries, [.. applications.Items.Select(a => a.LatestInstance?.Uid)], fields.Includes("spec"), cancellationToken);
        var items = applications.Items.Take(affordable)
            .Select(a => CmfMapping.Application(a, a.LatestInstance is { } latest ? specs.GetValueOrDefault(latest.Uid)?.EffectiveSpecJson : null))
            .ToList();
        return BudgetedPage(request, page, applications.TotalCount, applications.Items.Count, items, fields);
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
        var queryError = CmfListQuery.TryRead(request.Query, CmfList.Instances, out var list);
        if ((RouteValues.CheckApplication(envName, appName, out var key) ?? queryError) is { } error)
        {
            return ApiResults.BadRequest(error);
        }
        var (page, fields) = (list.Page, list.Fields);
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
        var (affordable, specs) = await ReadAffordableSpecsAsync(
            queries, [.. instances.Items.Select(i => i.Uid)], fields.Includes("status.spec"), cancellationToken);
        var items = instances.Items.Take(affordable).Select(i => CmfMapping.Instance(i, specs.GetValueOrDefault(i.Uid)?.EffectiveSpecJson)).ToList();
        return BudgetedPage(request, page, instances.TotalCount, instances.Items.Count, items, fields);
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
        var queryError = CmfListQuery.TryRead(request.Query, CmfList.Events, out var list);
        if ((RouteValues.CheckApplication(envName, appName, out var key) ?? queryError) is { } error)
        {
            return ApiResults.BadRequest(error);
        }
        var (page, fields) = (list.Page, list.Fields);
        var all = new EventListQuery { OldestFirst = page.Sort is { Descending: false }, Page = page.Page, PageSize = page.Size };
        // A filter that can match nothing still asks the store for one event, to tell a missing application (404) from an empty answer.
        var query = CmfListFiltering.Events(list.Filter, list.Search, all);
        var events = await queries.ListEventsAsync(key, query ?? all with { PageSize = 1 }, cancellationToken);
        if (events is null)
        {
            return ApiResults.ApplicationNotFound(envName, appName);
        }
        if (query is null)
        {
            return BudgetedPage<CmfEvent>(request, page, 0, 0, [], fields);
        }
        var items = events.Items.Select(CmfMapping.Event).ToList();
        return BudgetedPage(request, page, events.TotalCount, items.Count, items, fields);
    }

    /// <summary>
    /// The specs of the leading instances (null: an application without one) whose specs the page can afford, and how many
    /// leading items that is: all of them unless their specs are large, and all of them without reading a spec when
    /// <paramref name="wanted"/> is false.
    /// </summary>
    private static async Task<(int Affordable, IReadOnlyDictionary<string, InstanceSpecTexts> Specs)> ReadAffordableSpecsAsync(
        StoreQueries queries, IReadOnlyList<string?> instanceUids, bool wanted, CancellationToken cancellationToken)
    {
        if (!wanted)
        {
            return (instanceUids.Count, new Dictionary<string, InstanceSpecTexts>());
        }
        var lengths = await queries.ListInstanceSpecLengthsAsync([.. instanceUids.OfType<string>()], cancellationToken);
        var affordable = PageBudget.Affordable(instanceUids.Select(uid => (uid is null ? 0 : lengths.GetValueOrDefault(uid)) + PageBudget.ItemAllowance));
        var specs = await queries.ListInstanceSpecsAsync([.. instanceUids.Take(affordable).OfType<string>()], cancellationToken);
        return (affordable, specs);
    }

    private static IResult BudgetedPage<T>(HttpRequest request, PageRequest page, long total, int stored, IReadOnlyList<T> items, FieldSelection fields) =>
        ApiResults.Ok(PageBudget.Page(page, total, stored, items, fields, ApiFormats.Negotiate(request) ?? ApiFormat.Json));

    private static async Task<EnvironmentSummary?> FindEnvironmentAsync(StoreQueries queries, string name, CancellationToken cancellationToken) =>
        (await queries.ListEnvironmentsAsync(cancellationToken)).FirstOrDefault(e => e.Name == name);

    private static IResult EnvironmentNotFound(string name) => ApiResults.NotFound($"Environment '{name}' was not found.");
}
