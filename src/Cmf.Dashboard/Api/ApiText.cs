namespace Cmf.Dashboard.Api;

/// <summary>Client input quoted back in an error message, cut short so a huge value does not make a huge answer.</summary>
public static class ApiText
{
    public const int MaxQuotedLength = 80;

    public static string Quote(string? value)
    {
        value ??= "";
        return value.Length <= MaxQuotedLength ? $"'{value}'" : $"'{value[..MaxQuotedLength]}...' ({value.Length} characters)";
    }
}
