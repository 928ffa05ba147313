using System.Reflection;
using Cmf.Dashboard.Hosting;

namespace Cmf.Dashboard.Api;

/// <summary><c>GET /api/v1/about</c>: which replica served the request and who leads (issue 14).</summary>
public static class AboutApi
{
    public const string Path = "/about";

    private static readonly string ProductVersion =
        typeof(AboutApi).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(AboutApi).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    public static IEndpointRouteBuilder MapAboutApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapApiGroup(ExtensionsApi.V1).WithTags("About")
            .MapRead(Path, GetAbout)
            .WithName("getAbout")
            .WithSummary("The product version, the replica that answered, its role (single, leader or follower), the leader and the watched cluster.")
            .Produces<AboutResource>();
        return endpoints;
    }

    private static IResult GetAbout(Leadership leadership, ClusterTarget target) => ApiResults.Ok(new AboutResource
    {
        Version = ProductVersion,
        Identity = leadership.Identity,
        Role = HealthEndpoints.RoleName(leadership.Role),
        Leader = leadership.LeaderIdentity,
        Cluster = target.Description,
    });
}
