using System.Globalization;

namespace Cmf.Dashboard.Model;

/// <summary>Times as the URLs and the log links carry them: ISO 8601 in UTC to the second.</summary>
public static class UtcTimeText
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public static string Of(DateTimeOffset time) => time.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>Any ISO 8601 time; one without an offset is taken as UTC.</summary>
    public static bool TryParse(string? text, out DateTimeOffset time) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
}
