using Cmf.Core.Configuration;

namespace Cmf.Dashboard.Security;

/// <summary>
/// Who may frame the dashboard (<c>Cmf:Embedding:FrameAncestors</c>): the page's own origin always, plus the portals
/// configured. X-Frame-Options cannot express a list, so it is sent (SAMEORIGIN) only when no portal is configured.
/// </summary>
public sealed record EmbeddingPolicy(IReadOnlyList<string> PortalOrigins)
{
    public static EmbeddingPolicy SameOriginOnly { get; } = new([]);

    public bool AllowsPortals => PortalOrigins.Count > 0;

    /// <summary>The CSP <c>frame-ancestors</c> source list.</summary>
    public string FrameAncestors => string.Join(' ', ["'self'", .. PortalOrigins]);

    public static EmbeddingPolicy From(EmbeddingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new EmbeddingPolicy([.. options.FrameAncestors.Where(o => !string.IsNullOrWhiteSpace(o)).Distinct(StringComparer.Ordinal)]);
    }
}
