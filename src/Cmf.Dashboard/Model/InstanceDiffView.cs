namespace Cmf.Dashboard.Model;

/// <summary>Which two instances the diff page compares, and how, as read from its query string.</summary>
public sealed record InstanceDiffView(string? FromUid, string? ToUid, bool Inline, bool HideInstanceAnnotation)
{
    /// <summary>The changes list (with its filters) the diff was opened from; the page links back to it.</summary>
    public string? BackToChanges { get; init; }
}
