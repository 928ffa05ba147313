using Microsoft.OpenApi;

namespace Cmf.Dashboard.Api;

/// <summary>Registers and maps both APIs, their OpenAPI document and the 404 envelope for any other API path.</summary>
public static class ApiEndpoints
{
    public static IServiceCollection AddDashboardApi(this IServiceCollection services)
    {
        services.AddOpenApi(ExtensionsApi.DocumentName, options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Flink Application Instances: extension API",
                    Version = "v1",
                    Description = "Read-only. What CMF's API (/cmf/api/v1) lacks: an instance by UID alone, the diff of two instances, "
                        + "an application's timeline and clusters. Errors use CMF's envelope {\"errors\":[{\"message\":...}]}. "
                        + "JSON by default, YAML for Accept: application/yaml.",
                };
                return Task.CompletedTask;
            });
        });
        return services;
    }

    public static IEndpointRouteBuilder MapDashboardApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapCmfApi();
        endpoints.MapExtensionsApi();
        endpoints.MapChangesApi();
        endpoints.MapAboutApi();
        endpoints.MapOpenApi(ExtensionsApi.OpenApiPath);
        endpoints.MapOpenApi(ExtensionsApi.OpenApiYamlPath);
        endpoints.MapFallback(ApiPaths.CmfPrefix + "/{**path}", NoSuchResource).ExcludeFromDescription();
        endpoints.MapFallback(ApiPaths.ExtensionsPrefix + "/{**path}", NoSuchResource).ExcludeFromDescription();
        return endpoints;
    }

    private static IResult NoSuchResource(HttpRequest request) =>
        ApiResults.NotFound($"There is no API resource at {ApiText.Quote(request.Path.Value)}; see {ExtensionsApi.OpenApiPath} and CMF's API under {CmfApi.V1}.");
}
