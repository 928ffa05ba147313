namespace Cmf.Dashboard.Components.Layout;

public static class ThemeStylesheetEndpoint
{
    /// <summary>Serves <see cref="ThemeStylesheet"/>: public like the other static assets, cacheable for good under its versioned URL.</summary>
    public static IEndpointRouteBuilder MapThemeStylesheet(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ThemeStylesheet.Path, (ThemeStylesheet theme, HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return Results.Text(theme.Css, "text/css; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }
}
