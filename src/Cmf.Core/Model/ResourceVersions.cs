namespace Cmf.Core.Model;

/// <summary>
/// Kubernetes calls resourceVersions opaque, but every API server (etcd revisions, and our simulator) hands out
/// increasing integers; comparing them numerically is what tells a stale or duplicate event from a new one.
/// </summary>
public static class ResourceVersions
{
    /// <summary>True when <paramref name="candidate"/> is newer than <paramref name="known"/> (or cannot be compared and differs).</summary>
    public static bool IsNewer(string? candidate, string? known)
    {
        if (known is null)
        {
            return true;
        }
        if (candidate is null)
        {
            return false;
        }
        if (ulong.TryParse(candidate, out var c) && ulong.TryParse(known, out var k))
        {
            return c > k;
        }
        return !string.Equals(candidate, known, StringComparison.Ordinal);
    }
}
