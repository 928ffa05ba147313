using System.Globalization;
using System.Text.Json.Nodes;
using Cmf.Simulator.Store;
using Microsoft.AspNetCore.Http;

namespace Cmf.Simulator.Api;

/// <summary>
/// The paging parameters of a list request, <c>limit</c> and <c>continue</c>, read and checked as the API server does
/// (k8s.io/apiserver: a continue token carries the version, so <c>resourceVersion</c> must not come with it).
/// </summary>
internal sealed record ListRequest(int Limit, ListContinuation? Continue, bool HasSelectors)
{
    /// <summary>The API server's message (k8s.io/apiserver storage/etcd3) for a continue whose version was compacted.</summary>
    public const string ContinueTooOld =
        "The provided continue parameter is too old to display a consistent list result. You can start a new list without "
        + "the continue parameter, or use the continue token in this response to retrieve the remainder of the results. "
        + "Continuing with the provided token results in an inconsistent list - objects that were created, modified, or "
        + "deleted between the time the first chunk was returned and now may show up in the list.";

    public static ListRequest Read(HttpRequest request, ResourceType type)
    {
        var query = request.Query;
        var limit = 0;
        if (query["limit"].ToString() is { Length: > 0 } limitText
            && (!long.TryParse(limitText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) || parsed < 0))
        {
            throw ApiException.BadRequest($"limit: Invalid value: \"{limitText}\": must be a non-negative integer");
        }
        else if (query["limit"].ToString() is { Length: > 0 } valid)
        {
            // A limit beyond what any list holds is no limit.
            limit = (int)Math.Min(long.Parse(valid, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture), int.MaxValue);
        }
        ListContinuation? from = null;
        if (query["continue"].ToString() is { Length: > 0 } token)
        {
            if (query["resourceVersion"].ToString() is { Length: > 0 } and not "0")
            {
                throw ApiException.BadRequest("specifying resource version is not allowed when using continue");
            }
            from = ListContinuation.Decode(token, type.Namespaced, out var error) ?? throw ApiException.BadRequest(error!);
        }
        var hasSelectors = query["labelSelector"].ToString().Length > 0 || query["fieldSelector"].ToString().Length > 0;
        return new ListRequest(limit, from, hasSelectors);
    }

    /// <summary>Adds <c>continue</c> and <c>remainingItemCount</c> to a list's metadata when more pages follow.</summary>
    public static void SetPaging(JsonObject metadata, string? next, long? remainingItemCount)
    {
        if (next is null)
        {
            return;
        }
        metadata["continue"] = next;
        if (remainingItemCount is { } remaining)
        {
            metadata["remainingItemCount"] = remaining;
        }
    }
}
