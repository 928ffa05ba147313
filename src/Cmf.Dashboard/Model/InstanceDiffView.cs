namespace Cmf.Dashboard.Model;

/// <summary>Which two instances the diff page compares, and how, as read from its query string.</summary>
public sealed record InstanceDiffView(string? FromUid, string? ToUid, bool Inline, bool HideInstanceAnnotation);
