namespace Cmf.Dashboard.Model;

/// <summary>A yes/no query parameter: "1" or "true" (any case) is yes, anything else no.</summary>
public static class QueryFlag
{
    public static bool IsSet(string? value) => value is "1" || string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
}
