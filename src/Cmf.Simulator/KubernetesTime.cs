using System.Globalization;

namespace Cmf.Simulator;

/// <summary>Time formats of the Kubernetes API and of the Flink operator's status fields.</summary>
internal static class KubernetesTime
{
    /// <summary>RFC 3339 with whole seconds, as metadata.creationTimestamp.</summary>
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>RFC 3339 with microseconds, as events' eventTime.</summary>
    public static string FormatMicro(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// java.time's DateTimeFormatter.ISO_INSTANT, which FKO writes into FlinkStateSnapshot timestamps
    /// (DateTimeUtils.kubernetes): UTC, the fraction in groups of three digits and left out when zero.
    /// </summary>
    public static string FormatIsoInstant(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        var seconds = utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        var ticks = utc.Ticks % TimeSpan.TicksPerSecond;
        var fraction = ticks == 0 ? ""
            : ticks % TimeSpan.TicksPerMillisecond == 0 ? "." + (ticks / TimeSpan.TicksPerMillisecond).ToString("D3", CultureInfo.InvariantCulture)
            : ticks % 10 == 0 ? "." + (ticks / 10).ToString("D6", CultureInfo.InvariantCulture)
            : "." + (ticks * 100).ToString("D9", CultureInfo.InvariantCulture);
        return seconds + fraction + "Z";
    }

    public static string EpochMillis(DateTimeOffset time) =>
        time.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    public static DateTimeOffset? Parse(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;

    /// <summary>The short age kubectl shows ("45s", "12m", "3h", "2d").</summary>
    public static string HumanAge(TimeSpan age)
    {
        if (age < TimeSpan.Zero)
        {
            age = TimeSpan.Zero;
        }
        return age.TotalSeconds < 120 ? $"{(int)age.TotalSeconds}s"
            : age.TotalMinutes < 120 ? $"{(int)age.TotalMinutes}m"
            : age.TotalHours < 48 ? $"{(int)age.TotalHours}h"
            : $"{(int)age.TotalDays}d";
    }
}
