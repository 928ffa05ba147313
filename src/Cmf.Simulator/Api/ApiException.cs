using System.Text.Json.Nodes;

namespace Cmf.Simulator.Api;

/// <summary>An error the API answers with a Kubernetes <c>Status</c> object.</summary>
internal sealed class ApiException(int code, string reason, string message, JsonObject? details = null) : Exception(message)
{
    public int Code { get; } = code;

    public string Reason { get; } = reason;

    public JsonObject? Details { get; } = details;

    public static ApiException BadRequest(string message) => new(400, "BadRequest", message);

    public static ApiException NotFound(string groupResource, string name) =>
        new(404, "NotFound", $"{groupResource} \"{name}\" not found", Describe(groupResource, name));

    public static ApiException NoSuchPath() => new(404, "NotFound", "the server could not find the requested resource");

    public static ApiException AlreadyExists(string groupResource, string name) =>
        new(409, "AlreadyExists", $"{groupResource} \"{name}\" already exists", Describe(groupResource, name));

    public static ApiException Conflict(string groupResource, string name) =>
        new(409, "Conflict",
            $"Operation cannot be fulfilled on {groupResource} \"{name}\": the object has been modified; please apply your changes to the latest version and try again",
            Describe(groupResource, name));

    public static ApiException PreconditionFailed(string groupResource, string name, string what) =>
        new(409, "Conflict", $"Operation cannot be fulfilled on {groupResource} \"{name}\": {what}", Describe(groupResource, name));

    public static ApiException MethodNotAllowed(string method) =>
        new(405, "MethodNotAllowed", $"the server does not allow this method on the requested resource ({method})");

    public static ApiException UnsupportedMediaType(string contentType, IReadOnlyList<string> accepted) =>
        new(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: {string.Join(", ", accepted)} "
            + (contentType.Length == 0 ? "(the request has no Content-Type header)" : $"(got \"{contentType}\")"));

    public static ApiException TooLarge(long limit) =>
        new(413, "RequestEntityTooLarge", $"Request entity too large: limit is {limit}");

    public static ApiException Expired(string message) => new(410, "Expired", message);

    public static ApiException Forbidden(string message) => new(403, "Forbidden", message);

    private static JsonObject Describe(string groupResource, string name)
    {
        var dot = groupResource.IndexOf('.', StringComparison.Ordinal);
        var details = new JsonObject { ["name"] = name };
        if (dot > 0)
        {
            details["group"] = groupResource[(dot + 1)..];
            details["kind"] = groupResource[..dot];
        }
        else
        {
            details["kind"] = groupResource;
        }
        return details;
    }
}
