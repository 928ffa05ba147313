using Microsoft.Net.Http.Headers;

namespace Cmf.Dashboard.Api;

/// <summary>The representations the API writes: JSON unless the client asks for YAML, as CMF does.</summary>
public enum ApiFormat
{
    Json,
    Yaml,
}

/// <summary>Reads <c>Accept</c>: the client's most preferred type we can write wins; none we can write means 406.</summary>
public static class ApiFormats
{
    public const string JsonContentType = "application/json; charset=utf-8";
    public const string YamlContentType = "application/yaml; charset=utf-8";

    private static readonly string[] YamlTypes = ["application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml"];
    private static readonly string[] JsonTypes = ["application/json", "application/*", "*/*"];

    /// <summary>The format to answer in, or null when nothing the client accepts can be served (or its Accept cannot be read).</summary>
    public static ApiFormat? Negotiate(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var accept = request.Headers.Accept;
        if (accept.Count == 0 || accept.All(string.IsNullOrWhiteSpace))
        {
            return ApiFormat.Json;
        }
        if (!MediaTypeHeaderValue.TryParseList(accept, out var types))
        {
            return null;
        }
        foreach (var type in types.Where(t => (t.Quality ?? 1) > 0).OrderByDescending(t => t.Quality ?? 1))
        {
            var name = type.MediaType.Value ?? "";
            if (JsonTypes.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                return ApiFormat.Json;
            }
            if (YamlTypes.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                return ApiFormat.Yaml;
            }
        }
        return null;
    }

    /// <summary>What the 406 answer lists.</summary>
    public static string Supported => "application/json (the default) or application/yaml";
}
