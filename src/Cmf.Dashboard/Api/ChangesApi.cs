using Cmf.Core.Storage;
using Cmf.Dashboard.Model;

namespace Cmf.Dashboard.Api;

/// <summary><c>GET /api/v1/changes</c>: the changes list of the <c>/changes</c> page, with the same parameters.</summary>
public static class ChangesApi
{
    public static IEndpointRouteBuilder MapChangesApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapApiGroup(ExtensionsApi.V1).WithTags(ExtensionsApi.Tag)
            .MapRead("/changes", GetChangesAsync)
            .WithName("listChanges")
            .WithSummary("Instances created across all applications in a time window, newest first: what changed against the previous "
                + "instance, who, the operator's diff type and the outcome. Parameters: window (1h, 24h, 7d; default 24h) or from and to "
                + "(ISO 8601, at most 366 days), environment, application, field (image, flink-version, parallelism, resources, "
                + "configuration, other; repeat or comma-separate for any of them), key (a flinkConfiguration key), outcome (deployed, "
                + "current, pending, blocked, rolled-back, never-deployed, superseded-in-place), size (1..200, default 50) and before "
                + "(the next value of the previous page).")
            .Produces<ChangeListResource>()
            .Produces<RestError>(StatusCodes.Status400BadRequest);
        return endpoints;
    }

    private static async Task<IResult> GetChangesAsync(HttpRequest request, StoreQueries queries, TimeProvider clock, CancellationToken cancellationToken)
    {
        var filter = ChangeListFilterReader.Read(request.Query, out var errors, out var size);
        if (request.Query.ContainsKey(QueryParameterNames.Embed))
        {
            errors.Add("embed is a page parameter, not an API parameter.");
        }
        if (errors.Count > 0)
        {
            return ApiResults.BadRequest(string.Join(" ", errors.Take(5)));
        }
        var now = clock.GetUtcNow();
        var pageSize = size ?? ChangeListReader.DefaultPageSize;
        var page = await ChangeListReader.ReadAsync(queries, filter, pageSize, now, cancellationToken);
        var (from, to) = filter.Range(now);
        return ApiResults.Ok(new ChangeListResource
        {
            From = from,
            To = to,
            Items = [.. page.Rows.Select(Resource)],
            Next = page.Next?.ToString(),
            NextUrl = page.Next is { } next ? DashboardUrls.ApiChangesUrl(filter with { Before = next }, size) : null,
        });
    }

    private static ChangeResource Resource(ChangeRow row) => new()
    {
        Environment = row.Environment,
        Application = row.Application,
        InstanceUid = row.Instance.Uid,
        Sequence = row.Instance.Sequence,
        CreatedAt = row.CreatedAt,
        Summary = row.Summary,
        Fields = [.. ChangeField.Wires(row.Kinds)],
        ConfigurationKeys = row.ConfigurationKeys,
        Outcome = row.Outcome?.Text ?? "not recorded",
        Outcomes = row.Outcome is { } outcome ? [.. ChangeOutcomes.All.Where(o => ChangeOutcomes.Matches(o.Outcome, outcome.Kind)).Select(o => o.Wire)] : [],
        PreviousInstanceUid = row.Previous?.Uid,
        DiffUrl = row.Previous is { } previous ? DashboardUrls.ApiDiffUrl(row.Environment, row.Application, previous.Uid, row.Instance.Uid) : null,
        ChangedBy = row.ChangedBy,
        ChangeOrigin = row.ChangeOrigin,
        DiffType = row.DiffType,
    };
}
