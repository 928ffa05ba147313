using System.Text.Json.Nodes;

namespace Cmf.Simulator.Api;

/// <summary>Builds the <c>Status</c> objects the API answers errors (and some deletes) with.</summary>
internal static class StatusObject
{
    public static JsonObject Failure(int code, string reason, string message, JsonObject? details = null)
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = message,
            ["reason"] = reason,
        };
        if (details is not null)
        {
            status["details"] = details.DeepClone();
        }
        status["code"] = code;
        return status;
    }

    public static JsonObject From(ApiException error) => Failure(error.Code, error.Reason, error.Message, error.Details);

    public static JsonObject Success(JsonObject? details = null)
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Success",
        };
        if (details is not null)
        {
            status["details"] = details;
        }
        return status;
    }
}
