using System.Globalization;
using System.Text.Json.Nodes;
using Cmf.Simulator.Json;

namespace Cmf.Simulator.Operator;

/// <summary>
/// Reads spec.flinkConfiguration, which may be flat ("a.b.c": v) or, since operator 1.13, nested YAML
/// ({a: {b.c: v}}), with string, number or boolean values.
/// </summary>
internal static class FlinkConfiguration
{
    public const string RollbackEnabled = "kubernetes.operator.deployment.rollback.enabled";
    public const string ReadinessTimeout = "kubernetes.operator.deployment.readiness.timeout";
    public const string TaskSlots = "taskmanager.numberOfTaskSlots";
    public const string SavepointDirectory = "state.savepoints.dir";
    public const string HighAvailabilityType = "high-availability.type";
    public const string LegacyHighAvailability = "high-availability";

    private static readonly TimeSpan DefaultReadinessTimeout = TimeSpan.FromMinutes(5);

    public static string? Get(JsonObject? spec, string key) => Find(spec?["flinkConfiguration"] as JsonObject, key);

    public static bool IsRollbackEnabled(JsonObject spec) => bool.TryParse(Get(spec, RollbackEnabled), out var on) && on;

    public static TimeSpan GetReadinessTimeout(JsonObject spec) => ParseDuration(Get(spec, ReadinessTimeout)) ?? DefaultReadinessTimeout;

    public static bool IsHighAvailabilityEnabled(JsonObject spec)
    {
        var mode = Get(spec, HighAvailabilityType) ?? Get(spec, LegacyHighAvailability);
        return mode is not null && !mode.Equals("NONE", StringComparison.OrdinalIgnoreCase);
    }

    public static int GetTaskSlots(JsonObject spec) =>
        int.TryParse(Get(spec, TaskSlots), NumberStyles.None, CultureInfo.InvariantCulture, out var slots) && slots > 0 ? slots : 1;

    /// <summary>Flink durations: "30 s", "30s", "5 min", "1h", "500ms", or plain milliseconds.</summary>
    public static TimeSpan? ParseDuration(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var trimmed = text.Trim().ToLowerInvariant();
        var digits = 0;
        while (digits < trimmed.Length && (char.IsDigit(trimmed[digits]) || trimmed[digits] == '.'))
        {
            digits++;
        }
        if (!double.TryParse(trimmed[..digits], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount))
        {
            return null;
        }
        return trimmed[digits..].Trim() switch
        {
            "" or "ms" or "milli" or "millis" or "millisecond" or "milliseconds" => TimeSpan.FromMilliseconds(amount),
            "s" or "sec" or "secs" or "second" or "seconds" => TimeSpan.FromSeconds(amount),
            "m" or "min" or "mins" or "minute" or "minutes" => TimeSpan.FromMinutes(amount),
            "h" or "hour" or "hours" => TimeSpan.FromHours(amount),
            "d" or "day" or "days" => TimeSpan.FromDays(amount),
            _ => null,
        };
    }

    private static string? Find(JsonObject? config, string key)
    {
        if (config is null)
        {
            return null;
        }
        if (config[key] is JsonValue direct)
        {
            return direct.AsText();
        }
        // A nested object may hold any suffix of the key: {kubernetes: {operator.deployment.rollback.enabled: true}}.
        for (var dot = key.IndexOf('.', StringComparison.Ordinal); dot > 0; dot = key.IndexOf('.', dot + 1))
        {
            if (config[key[..dot]] is JsonObject nested && Find(nested, key[(dot + 1)..]) is { } found)
            {
                return found;
            }
        }
        return null;
    }
}
