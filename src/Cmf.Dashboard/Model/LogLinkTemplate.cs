using System.Text;

namespace Cmf.Dashboard.Model;

/// <summary><c>Cmf:Logging:LinkTemplate</c>: a link into the log system with placeholders {uid} {namespace} {app} {from} {to}.</summary>
public static class LogLinkTemplate
{
    /// <summary>
    /// Each placeholder becomes its URL-encoded value. Returns null without a template, or when the result is not an
    /// absolute http(s) URL (never a <c>javascript:</c> link).
    /// </summary>
    public static string? Expand(string? template, LogLinkValues values)
    {
        if (string.IsNullOrWhiteSpace(template))
        {
            return null;
        }
        var expanded = new StringBuilder(template)
            .Replace("{uid}", Uri.EscapeDataString(values.InstanceUid))
            .Replace("{namespace}", Uri.EscapeDataString(values.Namespace))
            .Replace("{app}", Uri.EscapeDataString(values.Application))
            .Replace("{from}", Uri.EscapeDataString(UtcTimeText.Of(values.From)))
            .Replace("{to}", Uri.EscapeDataString(UtcTimeText.Of(values.To)))
            .ToString();
        return Uri.TryCreate(expanded, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? expanded
            : null;
    }
}
