using Microsoft.AspNetCore.WebUtilities;

namespace Cmf.Dashboard.Model;

/// <summary>The embed rule for in-app URLs: inside a portal's frame every link keeps <c>embed=1</c>.</summary>
public static class EmbedUrl
{
    /// <summary>True when the URL's query has <c>embed=1</c> (or <c>embed=true</c>).</summary>
    public static bool IsEmbedded(string url)
    {
        var start = url.IndexOf('?', StringComparison.Ordinal);
        if (start < 0)
        {
            return false;
        }
        var end = url.IndexOf('#', start);
        var query = QueryHelpers.ParseQuery(end < 0 ? url[start..] : url[start..end]);
        var value = query.GetValueOrDefault(QueryParameterNames.Embed);
        return value.Count > 0 && QueryFlag.IsSet(value[^1]);
    }

    /// <summary>Adds <c>embed=1</c> to an in-app URL that lacks it (before any fragment).</summary>
    public static string With(string url, bool embed)
    {
        if (!embed || IsEmbedded(url))
        {
            return url;
        }
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        var (body, fragment) = hash < 0 ? (url, "") : (url[..hash], url[hash..]);
        var separator = body.Contains('?', StringComparison.Ordinal) ? (body.EndsWith('?') || body.EndsWith('&') ? "" : "&") : "?";
        return $"{body}{separator}{QueryParameterNames.Embed}=1{fragment}";
    }
}
