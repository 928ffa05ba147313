using System.Globalization;
using Cmf.Core.Storage;
using Cmf.Core.Storage.Views;
using Cmf.Dashboard.Model;

namespace Cmf.Dashboard.Api;

/// <summary>
/// What CMF's API lacks and the dashboard has: an instance by UID alone (404 unknown, 410 pruned), the diff of two
/// instances, an application's timeline and its clusters. Described by the OpenAPI document at <see cref="OpenApiPath"/>.
/// </summary>
public static class ExtensionsApi
{
    public const string V1 = "/api/v1";
    public const string DocumentName = "v1";
    public const string OpenApiPath = V1 + "/openapi.json";
    public const string OpenApiYamlPath = V1 + "/openapi.yaml";
    public const string Tag = "Instances";

    public static IEndpointRouteBuilder MapExtensionsApi(this IEndpointRouteBuilder endpoints)
    {
        var v1 = endpoints.MapApiGroup(V1).WithTags(Tag);
        v1.MapRead("/instances/{uid}", GetInstanceAsync)
            .WithName("getInstanceByUid")
            .WithSummary("One instance by its UID alone (for alerts that only know the UID).")
            .Produces<InstanceResource>()
            .Produces<RestError>(StatusCodes.Status400BadRequest)
            .Produces<RestError>(StatusCodes.Status404NotFound)
            .Produces<RestError>(StatusCodes.Status410Gone);
        v1.MapRead("/instances/{uid}/spec.yaml", GetSpecYamlAsync)
            .WithName("getInstanceSpecYaml")
            .WithSummary("An instance's effective spec as a YAML file (canonical, secrets masked), whatever the Accept header.")
            .Produces<string>(StatusCodes.Status200OK, "application/yaml")
            .Produces<RestError>(StatusCodes.Status400BadRequest)
            .Produces<RestError>(StatusCodes.Status404NotFound)
            .Produces<RestError>(StatusCodes.Status410Gone);
        v1.MapRead("/environments/{envName}/applications/{appName}/diff", GetDiffAsync)
            .WithName("getInstanceDiff")
            .WithSummary("The diff of two instances' effective specs (canonical YAML, secrets masked): unified text and hunks. "
                + "Specs together beyond 1 MiB or 20,000 lines are not diffed: 422, with links to both specs.")
            .Produces<SpecDiffResource>()
            .Produces<RestError>(StatusCodes.Status400BadRequest)
            .Produces<RestError>(StatusCodes.Status404NotFound)
            .Produces<RestError>(StatusCodes.Status410Gone)
            .Produces<RestError>(StatusCodes.Status422UnprocessableEntity);
        v1.MapRead("/environments/{envName}/applications/{appName}/timeline", GetTimelineAsync)
            .WithName("getApplicationTimeline")
            .WithSummary("Instance and cluster lifetimes of an application, oldest first; with from and to, only those overlapping that range.")
            .Produces<TimelineResource>()
            .Produces<RestError>(StatusCodes.Status400BadRequest)
            .Produces<RestError>(StatusCodes.Status404NotFound);
        v1.MapRead("/environments/{envName}/applications/{appName}/clusters", GetClustersAsync)
            .WithName("getApplicationClusters")
            .WithSummary("The clusters (JobManager Deployments) an application ran on, oldest first.")
            .Produces<ClusterList>()
            .Produces<RestError>(StatusCodes.Status400BadRequest)
            .Produces<RestError>(StatusCodes.Status404NotFound);
        return endpoints;
    }

    private static Task<IResult> GetInstanceAsync(string uid, StoreQueries queries, CancellationToken cancellationToken) =>
        WithInstanceAsync(uid, queries, async detail => ApiResults.Ok(await InstanceResources.ReadAsync(queries, detail, cancellationToken)), cancellationToken);

    private static Task<IResult> GetSpecYamlAsync(string uid, StoreQueries queries, CancellationToken cancellationToken) =>
        WithInstanceAsync(uid, queries, detail => Task.FromResult<IResult>(new SpecYamlFile(detail)), cancellationToken);

    /// <summary>An instance by UID alone: 400 for a malformed UID, 404 unknown, 410 pruned by retention, else <paramref name="answer"/>.</summary>
    private static async Task<IResult> WithInstanceAsync(string uid, StoreQueries queries, Func<InstanceDetailView, Task<IResult>> answer, CancellationToken cancellationToken)
    {
        if (RouteValues.CheckInstanceUid(uid) is { } error)
        {
            return ApiResults.BadRequest(error);
        }
        switch (await queries.FindInstanceAsync(uid, cancellationToken))
        {
            case InstanceLookup.Found found when await queries.GetInstanceAsync(found.Application, uid, cancellationToken) is { } detail:
                return await answer(detail);
            case InstanceLookup.Pruned pruned:
                return Gone(pruned);
            default:
                return ApiResults.NotFound($"No instance has the UID {ApiText.Quote(uid)}.");
        }
    }

    private static async Task<IResult> GetDiffAsync(string envName, string appName, string? from, string? to, StoreQueries queries, CancellationToken cancellationToken)
    {
        var error = RouteValues.CheckApplication(envName, appName, out var key)
            ?? RouteValues.CheckInstanceUid(from, "from")
            ?? RouteValues.CheckInstanceUid(to, "to");
        if (error is not null)
        {
            return ApiResults.BadRequest(error);
        }
        var fromInstance = await queries.GetInstanceAsync(key, from!, cancellationToken);
        var toInstance = await queries.GetInstanceAsync(key, to!, cancellationToken);
        if (fromInstance is null || toInstance is null)
        {
            return await MissingInstanceAsync(queries, key, fromInstance is null ? from! : to!, cancellationToken);
        }
        var diff = SpecLineDiff.Compute(DisplayedSpec.FingerprintedYaml(fromInstance.EffectiveSpecJson), DisplayedSpec.FingerprintedYaml(toInstance.EffectiveSpecJson),
            cancellationToken: cancellationToken);
        if (diff.IsTooLarge)
        {
            // 422, not 413: the request is small and well formed; it is the two stored specs that this server will not diff.
            return ApiResults.Error(StatusCodes.Status422UnprocessableEntity,
                $"{diff.Size.TooLargeMessage} They are at {DashboardUrls.ApiInstanceSpecUrl(fromInstance.Instance.Uid)} and {DashboardUrls.ApiInstanceSpecUrl(toInstance.Instance.Uid)}.");
        }
        var hunks = UnifiedDiff.Hunks(diff);
        return ApiResults.Ok(new SpecDiffResource
        {
            Environment = envName,
            Application = appName,
            From = new InstanceReferenceResource(fromInstance.Instance.Uid, fromInstance.Instance.Sequence),
            To = new InstanceReferenceResource(toInstance.Instance.Uid, toInstance.Instance.Sequence),
            Added = diff.AddedCount,
            Removed = diff.RemovedCount,
            Changed = diff.ModifiedCount,
            Unified = UnifiedDiff.Text(Label(fromInstance), Label(toInstance), hunks),
            Hunks = hunks,
        });
    }

    private static async Task<IResult> GetTimelineAsync(string envName, string appName, string? from, string? to, StoreQueries queries, CancellationToken cancellationToken)
    {
        var rangeError = ReadRange(from, to, out var range);
        if ((RouteValues.CheckApplication(envName, appName, out var key) ?? rangeError) is { } error)
        {
            return ApiResults.BadRequest(error);
        }
        var timeline = await queries.GetTimelineAsync(key, range, cancellationToken);
        return timeline is null ? ApiResults.ApplicationNotFound(envName, appName) : ApiResults.Ok(ExtensionMapping.Timeline(timeline, range));
    }

    private static async Task<IResult> GetClustersAsync(string envName, string appName, StoreQueries queries, CancellationToken cancellationToken)
    {
        if (RouteValues.CheckApplication(envName, appName, out var key) is { } error)
        {
            return ApiResults.BadRequest(error);
        }
        var timeline = await queries.GetTimelineAsync(key, range: null, cancellationToken);
        return timeline is null
            ? ApiResults.ApplicationNotFound(envName, appName)
            : ApiResults.Ok(new ClusterList(envName, appName, [.. timeline.Clusters.Select(ExtensionMapping.Cluster)]));
    }

    private static string? ReadRange(string? from, string? to, out TimeRange? range)
    {
        range = null;
        if (from is null && to is null)
        {
            return null;
        }
        if (!TryParseTime(from, out var start) || !TryParseTime(to, out var end))
        {
            return $"from and to must both be ISO 8601 times such as 2026-03-01T12:00:00Z; got from={ApiText.Quote(from)}, to={ApiText.Quote(to)}.";
        }
        if (end <= start)
        {
            return "to must be later than from.";
        }
        range = new TimeRange(start, end);
        return null;
    }

    private static bool TryParseTime(string? text, out DateTimeOffset time)
    {
        time = default;
        return text is { Length: > 0 and <= 64 }
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
    }

    private static async Task<IResult> MissingInstanceAsync(StoreQueries queries, Cmf.Core.Model.ApplicationKey key, string uid, CancellationToken cancellationToken) =>
        await queries.FindInstanceAsync(uid, cancellationToken) is InstanceLookup.Pruned pruned && pruned.Application == key
            ? Gone(pruned)
            : ApiResults.NotFound($"Application '{key.Environment}/{key.Name}' has no instance {ApiText.Quote(uid)}.");

    private static IResult Gone(InstanceLookup.Pruned pruned) => ApiResults.Gone(
        $"Instance {pruned.Uid} (#{pruned.Sequence} of '{pruned.Application.Environment}/{pruned.Application.Name}') was pruned by retention at {CmfMapping.Time(pruned.PrunedAt)}.");

    private static string Label(InstanceDetailView instance) => $"{instance.Instance.Uid} (#{instance.Instance.Sequence})";
}
