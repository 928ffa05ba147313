using System.Text.Json.Nodes;
using Cmf.Simulator.Json;

namespace Cmf.Simulator.Operator;

/// <summary>Conditions as controllers write them: lastTransitionTime moves only when the status changes (API conventions, "Typical status properties").</summary>
internal static class StatusConditions
{
    /// <summary>The transition time of condition <paramref name="type"/> if it now has <paramref name="status"/>, given the status it had.</summary>
    public static string TransitionTime(JsonObject? currentStatus, string type, string status, DateTimeOffset now)
    {
        var previous = Find(currentStatus, type);
        return previous?.StringAt("status") == status && previous.StringAt("lastTransitionTime") is { } kept
            ? kept
            : KubernetesTime.Format(now);
    }

    /// <summary>A condition's lastUpdateTime (Deployments): kept while its status, reason and message stay the same.</summary>
    public static string UpdateTime(JsonObject? currentStatus, string type, string status, string reason, string message, DateTimeOffset now)
    {
        var previous = Find(currentStatus, type);
        return previous?.StringAt("status") == status && previous.StringAt("reason") == reason && previous.StringAt("message") == message
            && previous.StringAt("lastUpdateTime") is { } kept
            ? kept
            : KubernetesTime.Format(now);
    }

    private static JsonObject? Find(JsonObject? status, string type) =>
        (status?["conditions"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(c => c.StringAt("type") == type);
}
