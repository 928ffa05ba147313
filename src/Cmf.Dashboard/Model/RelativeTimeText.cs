using System.Globalization;

namespace Cmf.Dashboard.Model;

/// <summary>"3 min ago" and the ISO time behind it. Pure: the caller passes the clock's now.</summary>
public static class RelativeTimeText
{
    public static string Format(DateTimeOffset value, DateTimeOffset now)
    {
        var delta = now - value;
        var future = delta < TimeSpan.Zero;
        var span = future ? delta.Negate() : delta;
        if (span < TimeSpan.FromSeconds(10))
        {
            return "just now";
        }
        var amount = span switch
        {
            _ when span < TimeSpan.FromMinutes(1) => $"{(int)span.TotalSeconds} s",
            _ when span < TimeSpan.FromHours(1) => $"{(int)span.TotalMinutes} min",
            _ when span < TimeSpan.FromDays(1) => $"{(int)span.TotalHours} h",
            _ when span < TimeSpan.FromDays(365) => $"{(int)span.TotalDays} d",
            _ => $"{(int)(span.TotalDays / 365)} y",
        };
        return future ? $"in {amount}" : $"{amount} ago";
    }

    /// <summary>UTC, to the second: what a person compares with logs and what <c>&lt;time datetime&gt;</c> wants.</summary>
    public static string Iso(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
