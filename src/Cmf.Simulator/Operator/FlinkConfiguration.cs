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
    public const string CheckpointDirectory = "state.checkpoints.dir";
    public const string ShutdownTtl = "kubernetes.operator.jm-deployment.shutdown-ttl";
    public const string DeploymentRecoveryEnabled = "kubernetes.operator.jm-deployment-recovery.enabled";
    public const string LastStateFallbackEnabled = "kubernetes.operator.job.upgrade.last-state-fallback.enabled";
    public const string LastStateCancelJob = "kubernetes.operator.job.upgrade.last-state.job-cancel.enabled";
    public const string InPlaceScalingEnabled = "kubernetes.operator.job.upgrade.inplace-scaling.enabled";
    public const string ParallelismOverrides = "pipeline.jobvertex-parallelism-overrides";
    public const string Scheduler = "jobmanager.scheduler";

    private static readonly TimeSpan DefaultReadinessTimeout = TimeSpan.FromMinutes(5);

    public static string? Get(JsonObject? spec, string key) => Find(spec?["flinkConfiguration"] as JsonObject, key);

    public static bool IsRollbackEnabled(JsonObject spec) => GetBool(spec, RollbackEnabled, false);

    /// <summary>A boolean option with FKO's default (KubernetesOperatorConfigOptions) when absent or unreadable.</summary>
    public static bool GetBool(JsonObject spec, string key, bool defaultValue) =>
        bool.TryParse(Get(spec, key), out var value) ? value : defaultValue;

    /// <summary>kubernetes.operator.jm-deployment.shutdown-ttl, 1 day by default.</summary>
    public static TimeSpan GetShutdownTtl(JsonObject spec) => ParseDuration(Get(spec, ShutdownTtl)) ?? TimeSpan.FromDays(1);

    /// <summary>ConfigObjectNode.asFlatMap: nested keys joined with dots, values as text, arrays joined with ';'.</summary>
    public static IEnumerable<(string Key, string? Value)> Flatten(JsonObject? configuration, string prefix = "")
    {
        foreach (var (key, value) in configuration ?? [])
        {
            var path = prefix.Length == 0 ? key : prefix + "." + key;
            switch (value)
            {
                case JsonObject nested:
                    foreach (var entry in Flatten(nested, path))
                    {
                        yield return entry;
                    }
                    break;
                case JsonArray array:
                    yield return (path, string.Join(";", array.Select(item => item is JsonValue v ? v.AsText() : item is null ? null : ApiServerJson.Serialize(item))));
                    break;
                case JsonValue scalar:
                    yield return (path, scalar.AsText());
                    break;
                default:
                    yield return (path, null);
                    break;
            }
        }
    }

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
