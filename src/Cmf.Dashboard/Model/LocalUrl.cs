namespace Cmf.Dashboard.Model;

/// <summary>Which URLs point into this site: what may be kept inside an embed, redirected to, or linked back to.</summary>
public static class LocalUrl
{
    /// <summary>
    /// An absolute path on this site ("/..." but not "//host" or "/\host"). Browsers drop tabs and line breaks from URLs,
    /// so "/%09/host" would become "//host": any control character makes a URL foreign.
    /// </summary>
    public static bool IsInApp(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
        && !url.Any(char.IsControl);

    /// <summary>True for a URL of the changes list on this site (what a diff page may link back to).</summary>
    public static bool IsChangesList([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? url) =>
        url is not null && url.Length <= 4096 && IsInApp(url)
        && (url == DashboardUrls.ChangesPath || url.StartsWith(DashboardUrls.ChangesPath + "?", StringComparison.Ordinal));
}
