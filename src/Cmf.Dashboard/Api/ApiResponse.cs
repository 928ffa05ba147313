using System.Text;
using System.Text.Json;
using Cmf.Core.Specs;

namespace Cmf.Dashboard.Api;

/// <summary>
/// Writes an API body in the negotiated format (JSON by default, YAML for <c>Accept: application/yaml</c>). An error is
/// written as JSON when the client accepts nothing we write, so a 405 or 404 never turns into a 406.
/// </summary>
public static class ApiResponse
{
    public static async Task WriteAsync<T>(HttpContext context, int statusCode, T body)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        response.StatusCode = statusCode;
        response.Headers.CacheControl = "no-store";
        if (ApiFormats.Negotiate(context.Request) == ApiFormat.Yaml)
        {
            response.ContentType = ApiFormats.YamlContentType;
            var yaml = CanonicalYaml.Render(JsonSerializer.SerializeToNode(body, ApiJson.Options));
            await response.WriteAsync(yaml, Encoding.UTF8, context.RequestAborted);
            return;
        }
        response.ContentType = ApiFormats.JsonContentType;
        await JsonSerializer.SerializeAsync(response.Body, body, ApiJson.Options, context.RequestAborted);
    }

    public static Task WriteErrorAsync(HttpContext context, int statusCode, string message) =>
        WriteAsync(context, statusCode, RestError.Of(message));
}

/// <summary>An endpoint's answer, written by <see cref="ApiResponse"/>.</summary>
public sealed class ApiResult<T>(int statusCode, T body) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => statusCode;

    public T Body => body;

    public Task ExecuteAsync(HttpContext httpContext) => ApiResponse.WriteAsync(httpContext, statusCode, body);
}

/// <summary>The answers API endpoints give.</summary>
public static class ApiResults
{
    public static IResult Ok<T>(T body) => new ApiResult<T>(StatusCodes.Status200OK, body);

    public static IResult BadRequest(string message) => Error(StatusCodes.Status400BadRequest, message);

    public static IResult NotFound(string message) => Error(StatusCodes.Status404NotFound, message);

    public static IResult Gone(string message) => Error(StatusCodes.Status410Gone, message);

    public static IResult ApplicationNotFound(string environment, string application) =>
        NotFound($"Application '{application}' was not found in environment '{environment}'.");

    public static IResult Error(int statusCode, string message) => new ApiResult<RestError>(statusCode, RestError.Of(message));
}
