namespace Cmf.Dashboard.Api;

/// <summary>Which requests are API requests: they answer with CMF's error envelope, never with an HTML page.</summary>
public static class ApiPaths
{
    public const string CmfPrefix = "/cmf";
    public const string ExtensionsPrefix = "/api";

    public static bool IsApi(PathString path) =>
        path.StartsWithSegments(CmfPrefix, StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(ExtensionsPrefix, StringComparison.OrdinalIgnoreCase);
}
