using System.Text;
using Cmf.Core.Specs;
using Cmf.Core.Storage.Views;
using Microsoft.Net.Http.Headers;

namespace Cmf.Dashboard.Api;

/// <summary>
/// An instance's effective spec as a YAML file to save (<c>Content-Disposition: attachment</c>), secrets masked, named
/// after its environment, application and sequence: what a person downloads when two specs are too large to diff here.
/// </summary>
public sealed class SpecYamlFile(InstanceDetailView instance) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => StatusCodes.Status200OK;

    public string FileName => $"{instance.Application.Environment}-{instance.Application.Name}-{instance.Instance.Sequence}.yaml";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ApiFormats.YamlContentType;
        response.Headers.CacheControl = "no-store";
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(FileName);
        response.Headers.ContentDisposition = disposition.ToString();
        var yaml = CanonicalYaml.Render(DisplayedSpec.Object(instance.EffectiveSpecJson));
        await response.WriteAsync(yaml, Encoding.UTF8, httpContext.RequestAborted);
    }
}
