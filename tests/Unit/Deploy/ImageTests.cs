using Cmf.UnitTests.TestSupport;
using System.Text.Json.Nodes;
using Cmf.UnitTests.Deploy.Support;
using Cmf.UnitTests.Simulator.Support;

namespace Cmf.UnitTests.Deploy;

/// <summary>The image <c>-t:PublishContainer</c> would build (its MSBuild settings, read without a registry) fits the Deployment.</summary>
public sealed class ImageTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task The_container_settings_match_the_user_port_data_folder_and_image_the_Deployment_expects()
    {
        var image = await EvaluateAsync();
        var rendered = await RenderedOverlay.RenderAsync("single");
        var pod = rendered.Deployment.Spec.Template.Spec;
        var dashboard = rendered.Dashboard;
        var properties = image["Properties"]!;
        var environment = image["Items"]!["ContainerEnvironmentVariable"]!.AsArray()
            .ToDictionary(e => e!["Identity"]!.GetValue<string>(), e => e!["Value"]!.GetValue<string>());
        var (repository, tag) = (dashboard.Image.Split(':')[0], dashboard.Image.Split(':')[1]);

        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:10.0", properties["ContainerBaseImage"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(pod.SecurityContext.RunAsUser.ToString(), properties["ContainerUser"]!.GetValue<string>());
        Assert.Equal(repository, properties["ContainerRepository"]!.GetValue<string>());
        Assert.Contains(tag, properties["ContainerImageTags"]!.GetValue<string>().Split(';'));
        Assert.Equal(Assert.Single(dashboard.Ports, p => p.Name == "http").ContainerPort.ToString(), Assert.Single(image["Items"]!["ContainerPort"]!.AsArray())!["Identity"]!.GetValue<string>());
        Assert.All(environment, variable => Assert.Equal(variable.Value, dashboard.Env.Single(e => e.Name == variable.Key).Value));
        Assert.Equal(["ASPNETCORE_HTTP_PORTS", "Cmf__DataDirectory"], environment.Keys.Order());
    }

    private static async Task<JsonNode> EvaluateAsync()
    {
        var result = await Command.RunAsync("dotnet",
        [
            "msbuild", Path.Combine("src", "Cmf.Dashboard", "Cmf.Dashboard.csproj"), "-nologo",
            "-getProperty:ContainerBaseImage", "-getProperty:ContainerUser", "-getProperty:ContainerRepository", "-getProperty:ContainerImageTags",
            "-getItem:ContainerPort", "-getItem:ContainerEnvironmentVariable",
        ], Timeout, RepositoryPaths.Root);
        Assert.True(result.ExitCode == 0, $"dotnet msbuild failed ({result.ExitCode}): {result.Error}\n{result.Output}");
        return JsonNode.Parse(result.Output)!;
    }
}
