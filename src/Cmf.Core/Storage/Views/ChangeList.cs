namespace Cmf.Core.Storage.Views;

/// <summary>A page of the changes list, newest first. <see cref="Next"/> is where the following page starts; null at the end of the window.</summary>
public sealed record ChangeList(IReadOnlyList<ChangeEntry> Entries, ChangeCursor? Next);
