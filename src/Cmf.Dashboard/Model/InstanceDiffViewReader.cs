namespace Cmf.Dashboard.Model;

/// <summary>The diff page's two instances and toggles from its query parameters; a link back goes only to the changes list.</summary>
public static class InstanceDiffViewReader
{
    public static InstanceDiffView Read(string? from, string? to, string? inline, string? hideAnnotation, string? back) =>
        new(
            string.IsNullOrEmpty(from) ? null : from,
            string.IsNullOrEmpty(to) ? null : to,
            QueryFlag.IsSet(inline),
            QueryFlag.IsSet(hideAnnotation))
        {
            BackToChanges = LocalUrl.IsChangesList(back) ? back : null,
        };
}
